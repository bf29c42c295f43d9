package dev.sweep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One in-process run of a command that does not end by itself ({@code --watch}), on a thread of its own, with its
 * output read line by line as it comes. Stopped by interrupting it.
 */
final class CliWatch implements AutoCloseable {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringWriter err = new StringWriter();
    private final StringBuilder out = new StringBuilder();
    private final Thread thread;
    private volatile int exitCode = -1;

    private CliWatch(String... args) {
        Writer lineWriter = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] text, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (text[i] == '\n') {
                        lines.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(text[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Console console = Console.of(new PrintWriter(lineWriter, true), new PrintWriter(err, true), false, false, Map.of());
        thread = new Thread(() -> exitCode = Main.run(args, console), "cli-watch");
    }

    static CliWatch start(String... args) {
        CliWatch watch = new CliWatch(args);
        watch.thread.start();
        return watch;
    }

    /** Waits for a line of output that matches, failing if the command ends or the wait passes first. */
    String awaitLine(String what, Predicate<String> condition, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                out.append(line).append('\n');
                if (condition.test(line)) {
                    return line;
                }
            } else if (!thread.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the command ended with exit code " + exitCode + " before " + what
                        + "; stderr: " + err + "; stdout: " + out);
            }
        }
        throw new AssertionError("no " + what + " within " + wait + "; stderr: " + err + "; stdout: " + out);
    }

    /** What the command wrote to stderr so far. */
    String err() {
        return err.toString();
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops the command as Ctrl-C stops a process (by interrupting it: a stop request) and waits for it to end.
     *
     * @return its exit code
     */
    int stop(Duration wait) throws InterruptedException {
        thread.interrupt();
        thread.join(wait.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("still running " + wait + " after it was stopped; stderr: " + err);
        }
        return exitCode;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
