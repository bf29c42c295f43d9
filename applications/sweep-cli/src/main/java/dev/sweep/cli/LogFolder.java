package dev.sweep.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The folder of the log files: where it is without {@code --log-dir}, and whether the files can be written there.
 * The default is per user, so that one user's folder never locks out another.
 */
final class LogFolder {

    /**
     * A system property naming the only default folder, instead of the state and temp folders: lets a test stand
     * for a user whose default folder is unusable.
     */
    static final String DEFAULT_PROPERTY = "sweep.log.default-dir";

    private LogFolder() {
    }

    /**
     * The default folders, best first: {@code $XDG_STATE_HOME/sweep} (or {@code ~/.local/state/sweep}), then
     * {@code sweep-$USER} in the temp folder for a user whose home cannot be written.
     *
     * @param environment the process's environment
     * @param properties  the system properties
     */
    static List<Path> defaults(Map<String, String> environment, Properties properties) {
        String only = properties.getProperty(DEFAULT_PROPERTY);
        if (only != null) {
            return List.of(Path.of(only));
        }
        List<Path> folders = new ArrayList<>();
        // The XDG Base Directory specification: a relative path is invalid and is ignored. An empty or relative
        // home would put the logs in the working folder.
        Optional<Path> home = absolute(environment.get("HOME")).or(() -> absolute(properties.getProperty("user.home")));
        Optional<Path> state = absolute(environment.get("XDG_STATE_HOME"))
                .or(() -> home.map(folder -> folder.resolve(".local").resolve("state")));
        state.ifPresent(folder -> folders.add(folder.resolve("sweep")));
        String user = environment.getOrDefault("USER", "");
        if (user.isBlank()) {
            user = properties.getProperty("user.name");
        }
        folders.add(Path.of(properties.getProperty("java.io.tmpdir"), "sweep-" + user));
        return folders;
    }

    private static Optional<Path> absolute(String path) {
        try {
            return path == null || !Path.of(path).isAbsolute() ? Optional.empty() : Optional.of(Path.of(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the log files cannot be written in {@code folder}, or empty when they can. Creates the folder and the
     * files: opening them is the only check that holds for every user, root included.
     */
    static Optional<String> problem(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of("not a directory");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return Optional.of(reason(e));
        }
        for (String component : Logs.COMPONENTS) {
            String file = component + ".log";
            try (OutputStream ignored = Files.newOutputStream(folder.resolve(file), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                // Opened for appending, as Logback will: nothing is written.
            } catch (IOException e) {
                return Optional.of("cannot open " + file + ": " + reason(e));
            }
        }
        return Optional.empty();
    }

    /** What went wrong, in the words of the operating system ("not a directory"), without the path again. */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            String reason = fileSystem.getReason();
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
