/**
 * {@code sweep serve}: the versioned JSON API, the WebSocket stream, Prometheus metrics and the live depth page, over
 * any source of books.
 */
package dev.sweep.server;
