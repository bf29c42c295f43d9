package dev.sweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code sweep} command: it only holds the subcommands and the options they all share. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = SweepCommand.Version.class,
        description = "If I sell (or buy) Q coins right now, how deep do I eat into each exchange's order book, at"
                + " what volume-weighted price - and what if I split the order across all of them?",
        footer = {"", "Exit codes: 0 ok, 2 bad input, 3 feed failure, 4 internal error."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, also print its stack trace (for bug reports).")
    private boolean verbose;

    boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Reads the version, commit and build date Maven wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SweepCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"sweep " + properties.getProperty("version", "(unknown version)") + " (commit "
                    + properties.getProperty("commit", "unknown") + ", built " + properties.getProperty("date", "unknown")
                    + ")"};
        }
    }
}
