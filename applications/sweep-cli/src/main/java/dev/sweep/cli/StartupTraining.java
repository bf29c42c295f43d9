package dev.sweep.cli;

/**
 * The training run of the start-up archive: the build runs it once with {@code -XX:DumpLoadedClassList}, and writes
 * every class the short commands loaded into {@code sweep.jsa} beside the jar (README, "Start-up"). One JVM runs them
 * all, so that one list holds them all.
 *
 * <p>Each argument is one command line, its words separated by spaces, run as {@link Main} runs it. The exit code is
 * that of the last command that failed, so that the build says so.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] commandLines) {
        Console console = Console.system();
        int exitCode = ExitCode.OK;
        for (String commandLine : commandLines) {
            int code = Main.run(commandLine.split(" "), console);
            if (code != ExitCode.OK) {
                console.err().println("sweep: training: '" + commandLine + "' exited with " + code);
                exitCode = code;
            }
        }
        System.exit(exitCode);
    }
}
