package dev.sweep.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether a standard stream is a terminal, and how wide the terminal is. Java 17 only tells whether stdin and stdout
 * are both terminals ({@link System#console()}), so on Linux each stream's own file descriptor is looked up.
 */
final class Terminals {

    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminals() {
    }

    /** Whether the file descriptor is a terminal; without {@code /proc}, the JDK's answer for stdin and stdout. */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd", Integer.toString(fd));
        if (!Files.isSymbolicLink(link)) {
            return System.console() != null;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a file descriptor's target ({@code /dev/pts/3}, {@code pipe:[81]}, a file) is a terminal. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** The controlling terminal's width in columns, or 0 when there is none or it cannot be asked. */
    static int columns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                return 0;
            }
            String[] rowsAndColumns = answer.split("\\s+");
            return rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
