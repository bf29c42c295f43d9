package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive the build writes beside the jar ({@code target/sweep.jsa}), used as the launcher uses it: the
 * short commands find every class of the jar they load in it but four of picocli's, Java 5 class files that the JVM
 * links while it writes the archive and then leaves out.
 */
@Timeout(60)
class StartupArchiveIT {

    private static final Path JAR = Path.of("target", "sweep.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target", "sweep.jsa").toAbsolutePath();
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    private static final List<String> LEFT_OUT = List.of("picocli.CommandLine$IParameterExceptionHandler",
            "picocli.CommandLine$IExecutionExceptionHandler", "picocli.CommandLine$1", "picocli.CommandLine$2");

    @Test
    void sellFromAFileReadsNoOtherClassFromTheJar() throws Exception {
        assertThat(classesReadFromTheJar("sell", "15", "--from", "examples/books.json"))
                .containsExactlyInAnyOrderElementsOf(LEFT_OUT);
    }

    @Test
    void replayOfTheShippedRecordingReadsNoOtherClassFromTheJar() throws Exception {
        assertThat(classesReadFromTheJar("replay", "recordings/sim-btc-eth-10s.swr"))
                .containsExactlyInAnyOrderElementsOf(LEFT_OUT);
    }

    /** The classes one run, from the repository root, reads from the jar. */
    private List<String> classesReadFromTheJar(String... args) throws Exception {
        Path log = Files.createTempFile(folder, "classes", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the command ends").isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.OK);
        // A line reads "[0.457s][info][class,load] picocli.CommandLine$1 source: file:/…/sweep.jar".
        return Files.readAllLines(log).stream().filter(line -> line.endsWith("sweep.jar"))
                .map(line -> line.replaceFirst("^.*\\] (\\S+) source: .*$", "$1")).toList();
    }
}
