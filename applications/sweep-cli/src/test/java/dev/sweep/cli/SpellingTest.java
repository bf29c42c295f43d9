package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {

    private static final List<String> COMMANDS = List.of("buy", "sell", "book", "record", "replay", "sim", "venues");

    @ParameterizedTest
    @CsvSource({"sell, sell, 0", "sel, sell, 1", "recrod, record, 1", "replya, replay, 1", "kitten, sitting, 3",
            "'', sim, 3", "ab, ba, 1", "abc, ca, 3"})
    void countsEditsWithASwapAsOne(String a, String b, int distance) {
        assertThat(Spelling.distance(a, b)).isEqualTo(distance);
        assertThat(Spelling.distance(b, a)).isEqualTo(distance);
    }

    @Test
    void suggestsOnlyWhatIsClose() {
        assertThat(Spelling.nearest("sel", COMMANDS)).containsExactly("sell");
        assertThat(Spelling.nearest("bu", COMMANDS)).containsExactly("buy");
        assertThat(Spelling.nearest("venue", COMMANDS)).containsExactly("venues");
        assertThat(Spelling.nearest("short", COMMANDS)).isEmpty();
        assertThat(Spelling.nearest("15", COMMANDS)).isEmpty();
    }
}
