package dev.sweep.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM as a request to the command's own thread: the shutdown hook only asks and then waits until the
 * command has closed what it opened, so that nothing is closed under it. The process still exits with the signal's
 * code. An interrupt of the command's thread while it waits asks the same: that is how a caller that runs the command
 * on a thread of its own JVM (a test) stops it, and the command's ending as after Ctrl-C is the answer to it.
 */
final class StopRequest implements AutoCloseable {

    /** How long the hook waits for the command to finish before the JVM goes on exiting. */
    private static final long GRACE_SECONDS = 20;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopRequest(String name) {
        this.hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** Starts listening for Ctrl-C and SIGTERM. */
    static StopRequest install(String name) {
        StopRequest request = new StopRequest(name);
        Runtime.getRuntime().addShutdownHook(request.hook);
        return request;
    }

    /**
     * Waits for a request to stop, or for the time to pass.
     *
     * @return whether stopping was requested
     */
    boolean await(long nanos) {
        try {
            return requested.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Taken as the request, so that the command closes what it opened uninterrupted; later waits end at once.
            requested.countDown();
            return true;
        }
    }

    /** The command is done: a waiting hook lets the JVM exit; otherwise the hook is no longer needed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running, and has just been told that the command is done.
        }
    }
}
