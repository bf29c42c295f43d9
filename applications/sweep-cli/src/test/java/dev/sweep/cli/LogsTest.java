package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log files of real runs against the simulator: each line with the run's id, in a folder checked first. */
@Timeout(90)
class LogsTest {

    /** A log line: time, run id, level, message. */
    private static final Pattern LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ([0-9a-f]{6}) (INFO |WARN |ERROR) (.*)");

    @TempDir
    Path logs;

    @Test
    void runsAppendingToTheSameFilesAreToldApartByTheirIdsAndCommandLines() throws IOException {
        for (String quantity : List.of("1", "2")) {
            CliRun run = CliRun.of("sell", quantity, "--demo", "--log-dir", logs.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        }

        Set<String> runIds = new TreeSet<>();
        for (String file : List.of("feed.log", "book.log", "sweep.log")) {
            for (String line : Files.readAllLines(logs.resolve(file))) {
                assertThat(line).as(file).matches(LINE);
                runIds.add(LINE.matcher(line).replaceFirst("$1"));
            }
        }
        assertThat(runIds).hasSize(2);
        List<String> sweep = messages("sweep.log");
        assertThat(sweep).hasSize(4);
        assertThat(sweep.get(0)).isEqualTo("sweep sell 1 --demo --log-dir " + logs);
        assertThat(sweep.get(1)).startsWith("sell 1 BTC-USD: merged VWAP ");
        assertThat(sweep.get(2)).isEqualTo("sweep sell 2 --demo --log-dir " + logs);
        assertThat(sweep.get(3)).startsWith("sell 2 BTC-USD: merged VWAP ");
    }

    @Test
    void aFullLogRollsOverKeepingThreeOlderFiles() throws IOException {
        try (RandomAccessFile full = new RandomAccessFile(logs.resolve("feed.log").toFile(), "rw")) {
            full.write("old 0\n".getBytes(StandardCharsets.US_ASCII));
            full.setLength(10 * 1024 * 1024);
        }
        for (int i = 1; i <= 3; i++) {
            Files.writeString(logs.resolve("feed." + i + ".log"), "old " + i + "\n");
        }

        CliRun run = CliRun.of("sell", "1", "--demo", "--log-dir", logs.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(logs.resolve("feed.1.log")).hasSize(10 * 1024 * 1024);
        assertThat(Files.readAllLines(logs.resolve("feed.1.log")).get(0)).isEqualTo("old 0");
        assertThat(logs.resolve("feed.2.log")).hasContent("old 1");
        assertThat(logs.resolve("feed.3.log")).hasContent("old 2");
        assertThat(logs.resolve("feed.4.log")).doesNotExist();
        assertThat(messages("feed.log")).contains("kraken: connected");
    }

    @Test
    void anUnusableLogDirIsOneLineAndExitTwo() throws IOException {
        Path file = Files.createFile(logs.resolve("file"));
        Path folder = Files.createDirectories(logs.resolve("folder"));
        Files.createDirectories(folder.resolve("feed.log"));

        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", file.toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + file + ": not a directory\n"));
        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", file.resolve("logs").toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + file.resolve("logs")
                        + ": not a directory\n"));
        assertThat(CliRun.of("sell", "1", "--demo", "--log-dir", folder.toString()))
                .isEqualTo(new CliRun(ExitCode.USAGE, "", "sweep: --log-dir " + folder
                        + ": cannot open feed.log: is a directory\n"));
    }

    @Test
    void aSecondUserWhoseDefaultFolderIsUnusableStillGetsTheReport() throws IOException {
        // Another user's folder stands in as a regular file: tests may run as root, who can write anywhere.
        Path taken = Files.createFile(logs.resolve("sweep"));
        System.setProperty(LogFolder.DEFAULT_PROPERTY, taken.toString());
        CliRun run;
        try {
            run = CliRun.of("sell", "1", "--demo", "--json");
        } finally {
            System.clearProperty(LogFolder.DEFAULT_PROPERTY);
        }

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(run.out()).get("source").asText()).isEqualTo("demo");
        assertThat(run.err()).isEqualTo("sweep: logs are off: " + taken + ": not a directory (give --log-dir DIR to"
                + " keep them)\n");
    }

    /** The messages of a log file, without time, run id and level. */
    private List<String> messages(String file) throws IOException {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(logs.resolve(file))) {
            messages.add(LINE.matcher(line).replaceFirst("$3"));
        }
        return messages;
    }
}
