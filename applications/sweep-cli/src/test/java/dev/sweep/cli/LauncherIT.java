package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sweep} launcher at the repository root, run as users run it, in a small tree of its own whose jar is
 * stale. Maven is replaced by a build that counts itself, takes two seconds and puts the packaged jar in place.
 */
@Timeout(120)
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "..", "sweep");
    private static final Path JAR = Path.of("target", "sweep.jar").toAbsolutePath();
    private static final String BUILD = "echo built >> builds.txt; sleep 2; mkdir -p applications/sweep-cli/target"
            + " && cp '" + JAR + "' applications/sweep-cli/target/sweep.jar";

    @TempDir
    Path tree;

    @Test
    void twoRunsRacingOnAStaleJarBuildItOnceAndBothRun() throws Exception {
        staleTree();

        List<Run> runs = List.of(Run.start(tree, "--version"), Run.start(tree, "--version"));

        StringBuilder err = new StringBuilder();
        for (Run run : runs) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("sweep ");
            err.append(run.err());
        }
        assertThat(Files.readAllLines(tree.resolve("builds.txt"))).containsExactly("built");
        assertThat(err.toString().lines().filter(line -> line.startsWith("building")))
                .containsExactly("building sweep…");
    }

    @Test
    void aJarNewerThanEverySourceIsNotRebuilt() throws Exception {
        staleTree();
        Path jar = Files.createDirectories(tree.resolve("applications/sweep-cli/target")).resolve("sweep.jar");
        Files.copy(JAR, jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Run run = Run.start(tree, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(tree.resolve("builds.txt")).doesNotExist();
    }

    /** The launcher, a POM and one source: no jar yet. */
    private void staleTree() throws IOException {
        Files.copy(LAUNCHER, tree.resolve("sweep"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        Path source = tree.resolve("applications/sweep-cli/src/main/java/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Main {}\n");
    }

    /** One launcher process, its output in files so that neither stream can block it. */
    private record Run(Process process, Path outFile, Path errFile) {

        static Run start(Path tree, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("bash", tree.resolve("sweep").toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(tree, "out", ".txt");
            Path err = Files.createTempFile(tree, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("SWEEP_BUILD_CMD", BUILD);
            return new Run(builder.start(), out, err);
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
            return process.exitValue();
        }

        String out() throws IOException {
            return Files.readString(outFile);
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }
    }
}
