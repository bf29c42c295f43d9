package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.venue.Venues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A venue is named only in its own package: the help, the messages and the benchmarks of every other module take
 * the names from the registry, so that adding a venue touches nothing outside its package.
 */
class VenueNamesTest {

    private static final Path ROOT = Path.of("..", "..");
    /** A Java string literal, escapes included. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    /** Compares Sweep's Kraken decoder with the XChange library's Kraken stream: about Kraken by its purpose. */
    private static final String KRAKEN_BASELINE_NAME = "KrakenVersusXChangeBenchmark";
    /**
     * The benchmarks about Kraken by their purpose: the XChange comparison; the replay of a large recording of Kraken
     * frames, which the performance target is set on, and its generator; the end-to-end run, which times Kraken's
     * updates because its frames carry their time to the microsecond.
     */
    private static final List<Path> ABOUT_KRAKEN = Stream.of(KRAKEN_BASELINE_NAME, "RecordingGenerator",
            "ReplayProcessBench", "EndToEndBench").map(name -> Path.of("tests", "sweep-bench", "src", "main", "java",
            "dev", "sweep", "bench", name + ".java")).toList();
    /** A line of a comment, whose examples may name venues: documentation, not behaviour. */
    private static final Pattern COMMENT = Pattern.compile("\\s*(//|/?\\*)");

    @Test
    void noStringOutsideAVenuesPackageNamesAVenue() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/java/"))
                    .filter(file -> !ABOUT_KRAKEN.contains(ROOT.relativize(file)))
                    .filter(file -> !inAVenuesPackage(file))
                    .forEach(file -> found.addAll(venueNames(file)));
        }

        assertThat(found).isEmpty();
    }

    @Test
    void theHelpNamesEveryRegisteredVenue() {
        String names = String.join(",", Venues.names());

        assertThat(help("sell")).contains("(default: " + names + ";");
        assertThat(help("record")).contains("(default: " + names + ")");
        assertThat(help("book"))
                .contains(String.join(",", Venues.names().subList(0, Venues.names().size() - 1)) + " or "
                        + Venues.names().get(Venues.names().size() - 1) + ".");
    }

    /** A command's help with its lines joined, so that a wrapped list reads whole. */
    private static String help(String command) {
        return CliRun.of(command, "--help").out().replaceAll("\\s+", " ").replace(", ", ",");
    }

    private static boolean inAVenuesPackage(Path file) {
        String path = file.toString();
        return Venues.all().stream().anyMatch(venue -> path.contains("/dev/sweep/venue/" + venue.name() + "/"));
    }

    /** Each string literal of the file that holds a venue's name: {@code path:line: "literal"}. */
    private static List<String> venueNames(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (COMMENT.matcher(lines.get(i)).lookingAt()) {
                continue;
            }
            Matcher literal = STRING.matcher(lines.get(i));
            while (literal.find()) {
                String text = literal.group().replace(KRAKEN_BASELINE_NAME, "").toLowerCase(Locale.ROOT);
                if (Venues.names().stream().anyMatch(text::contains)) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + literal.group());
                }
            }
        }
        return found;
    }
}
