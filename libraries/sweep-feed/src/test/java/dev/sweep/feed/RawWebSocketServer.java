package dev.sweep.feed;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server written out by hand (RFC 6455) for one client at a time, that records every frame the client
 * sends, control frames included, and the end of the stream: what library servers hide. Shared with the command
 * line's process tests.
 */
public final class RawWebSocketServer implements AutoCloseable {

    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    /** Not an opcode: the client closed the TCP connection. */
    public static final int END_OF_STREAM = -1;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One frame as the client sent it, unmasked. */
    public record Frame(int opcode, byte[] payload) {

        /** The status code of a Close frame, or -1 when it has none. */
        public int closeCode() {
            return payload.length < 2 ? -1 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    /** How long the handshake of every connection after the first waits for its answer. */
    private final Duration laterHandshakeDelay;
    private volatile OutputStream client;

    public RawWebSocketServer() throws IOException {
        this(Duration.ZERO);
    }

    /**
     * @param laterHandshakeDelay how long to wait before answering the handshake of every connection after the first,
     *                            as a busy venue (or a busy machine) does
     */
    public RawWebSocketServer(Duration laterHandshakeDelay) throws IOException {
        this.laterHandshakeDelay = laterHandshakeDelay;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "raw-websocket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** The next frame the client sent, or a frame with opcode {@link #END_OF_STREAM}; fails after the wait. */
    public Frame nextFrame(Duration wait) throws InterruptedException {
        Frame frame = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame from the client within " + wait);
        }
        return frame;
    }

    /** The next frame of the given opcode, skipping others; fails at the end of the stream or after the wait. */
    public Frame nextFrame(int opcode, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Frame frame = nextFrame(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame.opcode() == opcode) {
                return frame;
            }
            if (frame.opcode() == END_OF_STREAM) {
                throw new AssertionError("the client closed the connection before sending opcode " + opcode);
            }
        }
    }

    /** Sends a Close frame with a status code and reason, unmasked as a server's frames are. */
    public void sendClose(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + text.length];
        frame[0] = (byte) (0x80 | CLOSE);
        frame[1] = (byte) (2 + text.length);
        frame[2] = (byte) (code >>> 8);
        frame[3] = (byte) code;
        System.arraycopy(text, 0, frame, 4, text.length);
        client.write(frame);
        client.flush();
    }

    private void serve() {
        for (int connection = 1; !server.isClosed(); connection++) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                if (connection > 1) {
                    Thread.sleep(laterHandshakeDelay.toMillis());
                }
                handshake(in, out);
                client = out;
                readFrames(in);
            } catch (IOException e) {
                // The server was closed, or the client went away during the handshake: the next one is served.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void handshake(DataInputStream in, OutputStream out) throws IOException {
        StringBuilder request = new StringBuilder();
        while (!request.toString().endsWith("\r\n\r\n")) {
            request.append((char) in.readUnsignedByte());
        }
        String key = request.toString().lines()
                .filter(line -> line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
                .map(line -> line.substring(18).trim()).findFirst()
                .orElseThrow(() -> new IOException("no Sec-WebSocket-Key"));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void readFrames(DataInputStream in) {
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                frames.add(new Frame(opcode, payload));
            }
        } catch (IOException e) {
            // A clean end (EOF) or a reset: either way the client is gone.
            frames.add(new Frame(END_OF_STREAM, new byte[0]));
        }
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
