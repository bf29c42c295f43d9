package dev.sweep.cli;

/** The process exit codes Sweep promises (README, "Exit codes"). */
public final class ExitCode {

    /** The report was printed; a venue too thin to fill the order is a result, not a failure. */
    public static final int OK = 0;
    /** The command line or an input file is wrong. */
    public static final int USAGE = 2;
    /** A feed could not connect, or no book arrived in time. */
    public static final int FEED_FAILURE = 3;
    /** A bug: something that should not happen did. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
