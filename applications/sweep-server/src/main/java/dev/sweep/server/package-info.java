/**
 * {@code sweep serve}: the versioned JSON API, the WebSocket stream, Prometheus metrics and the live depth page, over
 * any source of books ({@link dev.sweep.server.BookSource}: live feeds, the simulator, a book file).
 *
 * <p>Why Vert.x Web (5.0) rather than Javalin: Vert.x runs on Netty, which the feeds and the simulator already use,
 * so the jar carries one network stack and one threading model: event loops that never block, with the blocking
 * work (copying books off the feeds' threads, writing whole books) on threads of their own. Javalin runs on Jetty, a
 * second stack with servlet threads. Vert.x Web also has, built in, what the API needs and nothing more: routes with
 * path parameters, the WebSocket upgrade on a route, and limits on request lines, headers and WebSocket frames.
 *
 * <p>The metrics are written by the Prometheus Java client (1.x), not by hand; the page's chart is uPlot, served from
 * its WebJar inside the jar, so that the page works offline.
 */
package dev.sweep.server;
