package dev.sweep.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertThat(Words.count(1, "venue")).isEqualTo("1 venue");
        assertThat(Words.count(0, "venue")).isEqualTo("0 venues");
        assertThat(Words.count(3, "venue")).isEqualTo("3 venues");
        assertThat(Words.count(12_345, "fill")).isEqualTo("12,345 fills");
    }
}
