package dev.sweep.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.sweep.report.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The log files of one run: one per component ({@code feed.log} for the logger {@code sweep.feed}, …), every line
 * with the run's id so that runs appending to the same files can be told apart, each file rolled over at 10 MB.
 * Until a command starts them, nothing is logged ({@code logback.xml}).
 */
final class Logs {

    /** The components, each logging through the logger {@code sweep.<component>} to {@code <component>.log}. */
    static final List<String> COMPONENTS = List.of("feed", "decoder", "book", "sweep");

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Older files kept per component ({@code feed.1.log} … {@code feed.3.log}). */
    private static final int OLD_FILES = 3;

    private Logs() {
    }

    /**
     * Starts the logs of a run in {@code folder}, or without one in the first usable default folder
     * ({@link LogFolder#defaults}), and writes the command line first to {@code sweep.log}. When no default folder
     * is usable the run goes on without logs, and one line on {@code err} says so.
     *
     * @param folder      the folder given with {@code --log-dir}, or null
     * @param commandLine the arguments, to log
     * @throws UserInputException when the folder given cannot hold the logs
     */
    static void start(Path folder, List<String> commandLine, PrintWriter err) {
        String run = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        if (folder != null) {
            open(folder, run).ifPresent(problem -> {
                throw new UserInputException("--log-dir " + folder + ": " + problem);
            });
        } else {
            openDefault(run, err);
        }
        LoggerFactory.getLogger("sweep.sweep").info("sweep {}", commandLine.stream().map(Logs::quoted)
                .collect(Collectors.joining(" ")));
    }

    private static void openDefault(String run, PrintWriter err) {
        List<String> problems = new ArrayList<>();
        for (Path folder : LogFolder.defaults(System.getenv(), System.getProperties())) {
            Optional<String> problem = open(folder, run);
            if (problem.isEmpty()) {
                return;
            }
            problems.add(folder + ": " + problem.get());
        }
        err.println("sweep: logs are off: " + String.join("; ", problems) + " (give --log-dir DIR to keep them)");
        err.flush();
    }

    /** Directs the logs to {@code folder}; when that fails, turns them off and says why. */
    private static Optional<String> open(Path folder, String run) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Optional<String> problem = LogFolder.problem(folder).or(() -> configure(context, folder, run));
        if (problem.isPresent()) {
            context.reset();
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
        return problem;
    }

    /** Replaces the previous run's appenders (an earlier command in the same process) with this run's. */
    private static Optional<String> configure(LoggerContext context, Path folder, String run) {
        context.reset();
        context.getStatusManager().clear();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        for (String component : COMPONENTS) {
            RollingFileAppender<ILoggingEvent> appender = appender(context, folder, component, run);
            attach(context.getLogger("sweep." + component), Level.INFO, appender);
            if (component.equals("feed")) {
                attach(context.getLogger("io.netty"), Level.WARN, appender);
            }
        }
        // Logback reports its own failures (a file it cannot open) as status, never as an exception.
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() == Status.ERROR)
                .map(status -> status.getMessage() + (status.getThrowable() == null ? ""
                        : ": " + status.getThrowable().getMessage()))
                .findFirst();
    }

    private static void attach(Logger logger, Level level, RollingFileAppender<ILoggingEvent> appender) {
        logger.setLevel(level);
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    private static RollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path folder, String component,
                                                               String run) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(component);
        appender.setFile(folder.resolve(component + ".log").toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder.resolve(component + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLD_FILES);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
        // The size is looked at once a second at most, so that a flood of lines cannot outgrow the cap by much.
        trigger.setCheckIncrement(Duration.buildBySeconds(1));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} " + run + " %-5level %msg%n");
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** An argument as a shell would need it, so that the logged command line can be run again. */
    private static String quoted(String argument) {
        boolean plain = !argument.isEmpty() && argument.chars()
                .noneMatch(c -> Character.isWhitespace(c) || "'\"\\$`;&|<>*?()".indexOf(c) >= 0);
        return plain ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }
}
