package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The packaged jar as users run it: a real process, its exit code and its two output streams. */
@Timeout(60)
class SweepJarIT {

    private static final Path JAR = Path.of("target", "sweep.jar");
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json");

    @Test
    void sweepsTheExampleBooks() throws Exception {
        Result result = run("sell", "15", "--from", EXAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("SELL 15 BTC-USD · merged VWAP ")
                .contains("kraken  taker fee").contains("merged book  3 venues").contains("fills (price, size)")
                .doesNotContain("\u001b[");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Result result = run("sell", "-3", "--from", EXAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sweep: quantity '-3' is not valid: must be a positive number\n");
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).matches("sweep \\d+\\.\\d+\\.\\d+.*\n");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        // stderr goes to a file so that neither stream can fill its pipe while the other is read.
        Path errFile = Files.createTempFile("sweep-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(errFile.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), out, Files.readString(errFile));
        } finally {
            Files.delete(errFile);
        }
    }
}
