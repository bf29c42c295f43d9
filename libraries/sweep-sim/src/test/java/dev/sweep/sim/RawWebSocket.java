package dev.sweep.sim;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written out by hand (RFC 6455), for what library clients hide: the size of a frame before
 * it is read into memory.
 */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(15_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(int port, String path) throws IOException {
        RawWebSocket raw = new RawWebSocket(new Socket(InetAddress.getLoopbackAddress(), port));
        String key = Base64.getEncoder().encodeToString("sweep-test-nonce".getBytes(StandardCharsets.US_ASCII));
        raw.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            headers.append((char) raw.in.readUnsignedByte());
        }
        if (!headers.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + headers);
        }
        return raw;
    }

    /** Sends a masked text frame, as a client must. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** Reads one frame's header, skips its payload, and returns the payload's length. */
    long skipFrame() throws IOException {
        in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        in.skipNBytes(length);
        return length;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
