package dev.sweep.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where the component logs go. Logback reads the folder from a system property when it first starts, so this is
 * set before anything logs.
 */
final class Logs {

    /** The system property {@code logback.xml} reads. */
    static final String DIR_PROPERTY = "sweep.log.dir";

    private Logs() {
    }

    /** The default folder: {@code ${java.io.tmpdir}/sweep}. */
    static Path defaultDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "sweep");
    }

    /**
     * Directs the logs to {@code dir} (or the default), creating the folder.
     *
     * @throws UserInputException when the folder cannot be created
     */
    static Path configure(Path dir) {
        Path folder = dir == null ? defaultDir() : dir;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserInputException("--log-dir: cannot create " + folder + ": " + e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw new UserInputException("--log-dir: " + folder + " is not writable");
        }
        System.setProperty(DIR_PROPERTY, folder.toAbsolutePath().toString());
        // Logback may already be running (an earlier command in the same process): read the configuration again.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
            }
        }
        return folder;
    }
}
