package dev.sweep.feed;

import dev.sweep.core.IoFailures;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * What the feeds' connections (WebSocket and REST) share about their endpoints: the port a URL means, and a failure
 * to reach one said in a line, never as a stack trace.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** The URL's port, or its scheme's: 443 for {@code wss} and {@code https}, else 80. */
    static int port(URI endpoint) {
        if (endpoint.getPort() != -1) {
            return endpoint.getPort();
        }
        return "wss".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()) ? 443 : 80;
    }

    /**
     * Why the endpoint cannot be reached, when waiting would not help (its host name does not resolve, nothing listens,
     * no route), or null when it might (a timeout, a TLS failure).
     */
    static String unreachable(Throwable cause, URI endpoint) {
        if (cause instanceof UnknownHostException) {
            return "unknown host " + endpoint.getHost();
        }
        if (cause instanceof NoRouteToHostException
                || cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException)) {
            return describe(cause, endpoint) + " (" + endpoint.getHost() + ":" + port(endpoint) + ")";
        }
        return null;
    }

    /**
     * The root cause's message, the system's own where Netty's native transport names the call that failed first, or
     * what it means when its message would not help.
     */
    static String describe(Throwable cause, URI endpoint) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NotSslRecordException) {
            // Its message is a hex dump of whatever the server sent instead.
            boolean webSocket = endpoint.getScheme().startsWith("ws");
            return "the server did not answer TLS: does the endpoint speak plain " + (webSocket
                    ? "WebSocket? (then use ws:// instead of wss://)" : "HTTP? (then use http:// instead of https://)");
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : IoFailures.systemMessage(message);
    }
}
