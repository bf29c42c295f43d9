package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json").toAbsolutePath();
    private static final Path RECORDING = Path.of("..", "..", "recordings", "sim-btc-eth-10s.swr").toAbsolutePath();
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
        freshJar();

        Run run = Run.start(tree, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(tree.resolve("builds.txt")).doesNotExist();
    }

    @Test
    void anArchiveThatFitsTheJarIsTheOneTheJvmUses() throws Exception {
        Path jar = freshJar();
        train(jar);
        Path classes = tree.resolve("classes.txt");

        Run run = Run.start(tree, Map.of("SWEEP_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "sell", "15",
                "--from", EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(classes)).filteredOn(line -> line.contains(" dev.sweep.cli.Main "))
                .singleElement().asString().endsWith("source: shared objects file");
    }

    @Test
    void aStaleOrDamagedArchiveIsIgnoredWithoutAWord() throws Exception {
        Path jar = freshJar();
        Path archive = jar.resolveSibling("sweep.jsa");
        Run withoutArchive = Run.start(tree, "sell", "15", "--from", EXAMPLE.toString());
        assertThat(withoutArchive.exitCode()).as(withoutArchive.err()).isZero();
        assertThat(withoutArchive.err()).isEmpty();
        String report = withoutArchive.out();
        train(jar);
        byte[] trained = Files.readAllBytes(archive);
        List<Run> runs = new ArrayList<>();

        // Cut short, as by a full disk; then not an archive at all.
        Files.write(archive, Arrays.copyOf(trained, trained.length / 2));
        runs.add(Run.start(tree, "sell", "15", "--from", EXAMPLE.toString()));
        Files.writeString(archive, "not an archive\n");
        runs.add(Run.start(tree, "sell", "15", "--from", EXAMPLE.toString()));
        // The jar rebuilt since: the launcher sees the archive older than the jar...
        Files.write(archive, trained);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 180_000));
        runs.add(Run.start(tree, "sell", "15", "--from", EXAMPLE.toString()));
        // ...and the JVM, when the archive is touched since, sees the jar's time differ from the one it recorded.
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 240_000));
        runs.add(Run.start(tree, "sell", "15", "--from", EXAMPLE.toString()));

        for (Run run : runs) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo(report);
        }
    }

    @Test
    void theShortCommandsRunWithC1Alone() throws Exception {
        freshJar();

        assertThat(compilerLevel("sell", "15", "--from", EXAMPLE.toString())).containsExactly("1");
        assertThat(compilerLevel("buy", "2", "--from=" + EXAMPLE)).containsExactly("1");
        assertThat(compilerLevel("depth", "--from", EXAMPLE.toString())).containsExactly("1");
        assertThat(compilerLevel("replay", RECORDING.toString())).containsExactly("1");
        assertThat(compilerLevel("replay", "--speed", "max", RECORDING.toString(), "sell", "15")).containsExactly("1");
    }

    @Test
    void commandsThatKeepRunningAndLargeRecordingsKeepBothCompilers() throws Exception {
        freshJar();
        // Its size alone counts: the replay fails at once on its header, after the JVM said which compilers it runs.
        Path large = tree.resolve("large.swr");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(16L * 1024 * 1024);
        }
        Path missing = tree.resolve("missing.json");

        assertThat(compilerLevel("replay", large.toString())).containsExactly("4");
        assertThat(compilerLevel("sell", "15", "--from", missing.toString(), "--watch")).containsExactly("4");
        assertThat(compilerLevel("serve", "--from", missing.toString())).containsExactly("4");
        assertThat(compilerLevel("--version")).containsExactly("4");
    }

    /**
     * The highest tier the JIT compiles to in a run of the command through the launcher (1: C1 alone, 4: C2 too), as
     * the JVM reports it; the commands here end at once, whether they succeed or fail.
     */
    private List<String> compilerLevel(String... args) throws Exception {
        Run run = Run.start(tree, Map.of("SWEEP_JAVA_OPTS", "-XX:+PrintFlagsFinal"), args);
        run.exitCode();
        // A line reads "     intx TieredStopAtLevel                        = 1                    {C1 product} {…}".
        return run.out().lines().filter(line -> line.matches("\\s*intx TieredStopAtLevel\\s+=.*"))
                .map(line -> line.replaceFirst("^.*= (\\d+).*$", "$1")).toList();
    }

    /** A tree whose jar is newer than every source: the launcher runs it without building. */
    private Path freshJar() throws IOException {
        staleTree();
        Path jar = Files.createDirectories(tree.resolve("applications/sweep-cli/target")).resolve("sweep.jar");
        Files.copy(JAR, jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        return jar;
    }

    /**
     * Writes the archive of {@code jar} beside it as the build does, from one short command, and dates it after the
     * jar, as the build writes it after the jar.
     */
    private void train(Path jar) throws Exception {
        Path classes = tree.resolve("sweep.classlist");
        Path archive = jar.resolveSibling("sweep.jsa");
        java("-XX:DumpLoadedClassList=" + classes, "-jar", jar.toString(), "sell", "15", "--from", EXAMPLE.toString());
        java("-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + archive, "-cp",
                jar.toString());
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        // The JVM writes it read-only; the tests damage it.
        assertThat(archive.toFile().setWritable(true)).isTrue();
    }

    private static void java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ends").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
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
            return start(tree, Map.of(), args);
        }

        static Run start(Path tree, Map<String, String> environment, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("bash", tree.resolve("sweep").toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(tree, "out", ".txt");
            Path err = Files.createTempFile(tree, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("SWEEP_BUILD_CMD", BUILD);
            builder.environment().remove("SWEEP_JAVA_OPTS");
            builder.environment().putAll(environment);
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
