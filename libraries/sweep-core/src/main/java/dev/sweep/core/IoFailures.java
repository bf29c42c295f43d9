package dev.sweep.core;

import java.util.regex.Pattern;

/** How an I/O failure of a socket reads to a user, whichever transport met it. */
public final class IoFailures {

    /**
     * What Netty's native transport (epoll) puts before the system's message: the call that failed and its error
     * number, as in {@code finishConnect(..) failed with error(-111): Connection refused}; Java's own sockets say
     * {@code Connection refused}.
     */
    private static final Pattern NATIVE_CALL =
            Pattern.compile("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private IoFailures() {
    }

    /** The system's own message in {@code message}: as Java's sockets say it, whichever transport met the failure. */
    public static String systemMessage(String message) {
        return NATIVE_CALL.matcher(message).replaceFirst("");
    }
}
