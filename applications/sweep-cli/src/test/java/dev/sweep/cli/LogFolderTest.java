package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the logs go without {@code --log-dir}, and what makes a folder unusable. Unusable folders are regular files
 * or paths under one, not read-only folders: tests may run as root, who can write anywhere.
 */
class LogFolderTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultIsTheXdgStateFolderThenAFolderOfTheUserInTheTempDir() {
        assertThat(LogFolder.defaults(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/alice", "USER", "alice"),
                properties("/tmp")))
                .containsExactly(Path.of("/state/sweep"), Path.of("/tmp/sweep-alice"));
    }

    @Test
    void withoutXdgStateHomeTheStateFolderIsUnderTheHome() {
        assertThat(LogFolder.defaults(Map.of("HOME", "/home/alice", "USER", "alice"), properties("/tmp")))
                .containsExactly(Path.of("/home/alice/.local/state/sweep"), Path.of("/tmp/sweep-alice"));
    }

    @Test
    void aRelativeXdgStateHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(LogFolder.defaults(Map.of("XDG_STATE_HOME", "state", "HOME", "/home/alice", "USER", "alice"),
                properties("/tmp")))
                .containsExactly(Path.of("/home/alice/.local/state/sweep"), Path.of("/tmp/sweep-alice"));
    }

    @Test
    void withoutHomeAndUserInTheEnvironmentTheJavaPropertiesStandIn() {
        Properties properties = properties("/tmp");
        properties.setProperty("user.home", "/home/bob");
        properties.setProperty("user.name", "bob");

        assertThat(LogFolder.defaults(Map.of(), properties))
                .containsExactly(Path.of("/home/bob/.local/state/sweep"), Path.of("/tmp/sweep-bob"));
    }

    @Test
    void anEmptyOrRelativeHomeIsNotTakenForTheWorkingFolder() {
        Properties properties = properties("/tmp");
        properties.setProperty("user.home", "/home/bob");

        assertThat(LogFolder.defaults(Map.of("HOME", "", "USER", "bob"), properties))
                .containsExactly(Path.of("/home/bob/.local/state/sweep"), Path.of("/tmp/sweep-bob"));
        properties.setProperty("user.home", "?");
        assertThat(LogFolder.defaults(Map.of("HOME", "home", "USER", "bob"), properties))
                .containsExactly(Path.of("/tmp/sweep-bob"));
    }

    @Test
    void thePropertyNamesTheOnlyDefaultFolder() {
        Properties properties = properties("/tmp");
        properties.setProperty(LogFolder.DEFAULT_PROPERTY, "/elsewhere");

        assertThat(LogFolder.defaults(Map.of("HOME", "/home/alice"), properties))
                .containsExactly(Path.of("/elsewhere"));
    }

    @Test
    void aFolderIsCreatedWithItsParents() {
        Path folder = temp.resolve("a").resolve("b");

        assertThat(LogFolder.problem(folder)).isEmpty();
        assertThat(folder).isDirectory();
    }

    @Test
    void aRegularFileIsNotAFolder() throws IOException {
        Path file = Files.createFile(temp.resolve("file"));

        assertThat(LogFolder.problem(file)).contains("not a directory");
        assertThat(LogFolder.problem(file.resolve("logs"))).contains("not a directory");
    }

    @Test
    void aLogFileThatCannotBeOpenedMakesTheFolderUnusable() throws IOException {
        Files.createDirectories(temp.resolve("book.log"));

        assertThat(LogFolder.problem(temp)).contains("cannot open book.log: is a directory");
    }

    private static Properties properties(String tmp) {
        Properties properties = new Properties();
        properties.setProperty("java.io.tmpdir", tmp);
        properties.setProperty("user.home", "/nonexistent");
        properties.setProperty("user.name", "nobody");
        return properties;
    }
}
