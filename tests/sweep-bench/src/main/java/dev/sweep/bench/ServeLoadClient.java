package dev.sweep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load client of {@link ServeLoadBench}, run in a JVM of its own so that its heap, collector and compiler threads
 * are not the server's, and lean so that it takes as little as it can of the cores it shares with the server: one
 * thread, a selector over keep-alive connections, each carrying {@code PIPELINED} requests at once, each connection
 * sending its next request when an answer is read; requests written from bytes encoded once, answers read only as far
 * as their status and length, their bodies skipped. Loads one path for {@code WARM_UP} seconds, then for
 * {@code SECONDS} without a pause, and prints {@value #MEASURING} when the measured seconds start, then one line: the
 * answers with status 200 to requests sent in those seconds, those with any other status, the CPU time this process
 * took meanwhile in nanoseconds, and the histogram of the latencies in nanoseconds (from writing a request to having
 * read its whole answer), compressed and in Base64. The measured seconds start once the first answer has come too.
 *
 * <p>A closed loop: a request is sent when an earlier one is answered, so it never waits behind a schedule it missed,
 * and the latency needs no correction for coordinated omission; at saturation it is the time a request spends among
 * the others in flight.
 *
 * <p>Arguments: {@code HOST PORT PATH WARM_UP SECONDS CONNECTIONS PIPELINED}. A path holding {@link #COUNTER} is
 * asked with a new number in its place each time, so that no two requests in a row are the same query. Exits 1,
 * saying why on standard error, when a connection closes or no answer comes for 10 s.
 */
public final class ServeLoadClient {

    /** Replaced by a number from 1 to 999,999, a new one for each request. */
    static final String COUNTER = "{n}";
    /** The line printed when the measured seconds start. */
    static final String MEASURING = "measuring";

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_NUMBER = 999_999;

    private ServeLoadClient() {
    }

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        long warmUp = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[3]));
        long measured = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[4]));
        int connections = Integer.parseInt(args[5]);
        int pipelined = Integer.parseInt(args[6]);
        try (Load load = new Load(host, port, new Requests(host, port, path), connections, pipelined)) {
            load.run(warmUp, measured);
            Histogram latency = load.latency;
            ByteBuffer buffer = ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
            latency.encodeIntoCompressedByteBuffer(buffer);
            byte[] encoded = new byte[buffer.position()];
            buffer.flip().get(encoded);
            System.out.println(latency.getTotalCount() + " " + load.failed + " " + load.cpuNanos + " "
                    + Base64.getEncoder().encodeToString(encoded));
        } catch (LoadFailure failure) {
            System.err.println("load client: " + failure.getMessage());
            System.exit(1);
        }
    }

    /** The requests' bytes: encoded once, or around a number written in place for a path holding the counter. */
    private static final class Requests {

        private final byte[] head;
        private final byte[] tail;
        private final boolean numbered;
        private final byte[] digits = new byte[7];
        private int number;

        Requests(String host, int port, String path) {
            int counter = path.indexOf(COUNTER);
            numbered = counter >= 0;
            String before = numbered ? path.substring(0, counter) : path;
            String after = numbered ? path.substring(counter + COUNTER.length()) : "";
            head = ("GET " + before).getBytes(StandardCharsets.US_ASCII);
            tail = (after + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** Writes the next request into {@code out}, which has room for it. */
        void write(ByteBuffer out) {
            out.put(head);
            if (numbered) {
                number = number % MAX_NUMBER + 1;
                int at = digits.length;
                for (int n = number; n > 0; n /= 10) {
                    digits[--at] = (byte) ('0' + n % 10);
                }
                out.put(digits, at, digits.length - at);
            }
            out.put(tail);
        }

        int maxLength() {
            return head.length + digits.length + tail.length;
        }
    }

    /** The connections and what they measure. */
    private static final class Load implements AutoCloseable {

        private final Selector selector;
        private final Connection[] connections;
        private final Requests requests;
        private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
        private long measureFrom = Long.MAX_VALUE;
        private long measureUntil = Long.MAX_VALUE;
        private long failed;
        private long cpuNanos;
        private int inFlight;
        private long answers;

        Load(String host, int port, Requests requests, int count, int pipelined) throws IOException {
            this.selector = Selector.open();
            this.requests = requests;
            this.connections = new Connection[count];
            InetSocketAddress address = new InetSocketAddress(host, port);
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                connections[i] = new Connection(channel, pipelined, requests.maxLength() * pipelined);
                channel.register(selector, SelectionKey.OP_READ, connections[i]);
            }
        }

        /** Loads for {@code warmUp}, then measures for {@code measured}, then waits for the answers in flight. */
        void run(long warmUp, long measured) throws IOException {
            long start = System.nanoTime();
            for (Connection connection : connections) {
                while (connection.canSend()) {
                    connection.send(requests, start);
                }
                connection.flush();
            }
            long lastAnswer = start;
            while (inFlight > 0) {
                long now = System.nanoTime();
                // Not before an answer has come: a server slow to answer its first requests is still warming up.
                if (measureFrom == Long.MAX_VALUE && now - start >= warmUp && answers > 0) {
                    measureFrom = now;
                    measureUntil = now + measured;
                    cpuNanos = -cpuTime();
                    System.out.println(MEASURING);
                    System.out.flush();
                }
                if (now - lastAnswer > STALL_NANOS) {
                    throw new LoadFailure("no answer for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s, "
                            + inFlight + " requests in flight");
                }
                if (selector.select(100) == 0) {
                    continue;
                }
                long read = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (key.isWritable()) {
                        connection.flush();
                    }
                    if (key.isReadable() && connection.read(read) > 0) {
                        lastAnswer = read;
                    }
                }
                selector.selectedKeys().clear();
            }
            cpuNanos += cpuTime();
        }

        /** Counts an answer read at {@code now} to a request sent at {@code sent}; true to send another. */
        boolean answered(long sent, long now, boolean ok) {
            inFlight--;
            answers++;
            if (sent >= measureFrom && sent < measureUntil) {
                if (ok) {
                    latency.recordValue(Math.min(now - sent, MAX_LATENCY_NANOS));
                } else {
                    failed++;
                }
            }
            return now < measureUntil;
        }

        @Override
        public void close() throws IOException {
            for (Connection connection : connections) {
                connection.channel.close();
            }
            selector.close();
        }

        private static long cpuTime() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** One keep-alive connection: its requests in flight, oldest first, and the answer being read. */
        private final class Connection {

            private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
            private static final int MAX_HEADER = 16 * 1024;

            private final SocketChannel channel;
            private final long[] sentAt;
            private final ByteBuffer out;
            private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            private int oldest;
            private int pending;
            /** Bytes of the current answer's body still to skip, or −1 while its head is being read. */
            private long bodyLeft = -1;
            private boolean ok;

            Connection(SocketChannel channel, int pipelined, int outCapacity) {
                this.channel = channel;
                this.sentAt = new long[pipelined];
                this.out = ByteBuffer.allocate(outCapacity);
            }

            boolean canSend() {
                return pending < sentAt.length;
            }

            void send(Requests requests, long now) {
                requests.write(out);
                sentAt[(oldest + pending) % sentAt.length] = now;
                pending++;
                inFlight++;
            }

            void flush() throws IOException {
                out.flip();
                channel.write(out);
                out.compact();
                SelectionKey key = channel.keyFor(selector);
                key.interestOps(out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                        : SelectionKey.OP_READ);
            }

            /** Reads what has arrived, counts the answers completed and sends as many requests; returns how many. */
            int read(long now) throws IOException {
                int count = channel.read(in);
                if (count < 0) {
                    throw new LoadFailure("the server closed a connection with " + pending + " requests in flight");
                }
                in.flip();
                int answers = 0;
                while (true) {
                    if (bodyLeft < 0 && !readHead()) {
                        break;
                    }
                    long skipped = Math.min(bodyLeft, in.remaining());
                    in.position(in.position() + (int) skipped);
                    bodyLeft -= skipped;
                    if (bodyLeft > 0) {
                        break;
                    }
                    bodyLeft = -1;
                    if (pending == 0) {
                        throw new LoadFailure("an answer to no request");
                    }
                    long sent = sentAt[oldest];
                    oldest = (oldest + 1) % sentAt.length;
                    pending--;
                    answers++;
                    if (answered(sent, now, ok)) {
                        send(requests, now);
                    }
                }
                in.compact();
                if (answers > 0) {
                    flush();
                }
                return answers;
            }

            /** Reads an answer's head if it is whole in the buffer: its status and the length of its body. */
            private boolean readHead() {
                int start = in.position();
                int end = headEnd(start);
                if (end < 0) {
                    if (in.remaining() >= MAX_HEADER) {
                        throw new LoadFailure("an answer's head longer than " + MAX_HEADER + " bytes");
                    }
                    return false;
                }
                if (end - start < 12 || in.get(start) != 'H' || in.get(start + 8) != ' ') {
                    throw new LoadFailure("not an HTTP answer: " + text(start, end));
                }
                ok = in.get(start + 9) == '2' && in.get(start + 10) == '0' && in.get(start + 11) == '0';
                bodyLeft = contentLength(start, end);
                in.position(end);
                return true;
            }

            /** The index just past the blank line that ends the head starting at {@code start}, or −1. */
            private int headEnd(int start) {
                for (int i = start + 3; i < in.limit(); i++) {
                    if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                        return i + 1;
                    }
                }
                return -1;
            }

            private long contentLength(int start, int end) {
                for (int line = start; line < end; ) {
                    if (matchesIgnoringCase(line, CONTENT_LENGTH)) {
                        long length = 0;
                        for (int i = line + CONTENT_LENGTH.length; in.get(i) != '\r'; i++) {
                            byte c = in.get(i);
                            if (c >= '0' && c <= '9') {
                                length = length * 10 + (c - '0');
                            }
                        }
                        return length;
                    }
                    while (in.get(line) != '\n') {
                        line++;
                    }
                    line++;
                }
                throw new LoadFailure("an answer without content-length: " + text(start, end));
            }

            private boolean matchesIgnoringCase(int at, byte[] lowerCase) {
                if (at + lowerCase.length > in.limit()) {
                    return false;
                }
                for (int i = 0; i < lowerCase.length; i++) {
                    if (Character.toLowerCase(in.get(at + i)) != lowerCase[i]) {
                        return false;
                    }
                }
                return true;
            }

            private String text(int start, int end) {
                byte[] bytes = new byte[end - start];
                in.get(start, bytes);
                return new String(bytes, StandardCharsets.US_ASCII).strip();
            }
        }
    }

    /** Why a run cannot go on. */
    private static final class LoadFailure extends RuntimeException {

        LoadFailure(String message) {
            super(message);
        }
    }
}
