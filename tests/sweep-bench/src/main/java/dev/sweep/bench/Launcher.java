package dev.sweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command as users run it, through the {@code ./sweep} script: the JVM flags the script picks for it (the
 * class-data sharing archive, C1 alone for a short command) are part of what a benchmark of it measures.
 */
final class Launcher {

    private static final Path SCRIPT = Path.of("sweep");

    private Launcher() {
    }

    /** {@code ./sweep} with these arguments, run from the repository root. */
    static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(arguments);
        return command;
    }

    /** One run to its exit, its output (stdout and stderr) returned; stops with what the command printed if it fails. */
    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The script runs the JVM that runs the bench, the one a baseline of java -jar runs too, with its own flags only.
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.remove("SWEEP_JAVA_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + out);
        }
        return out;
    }
}
