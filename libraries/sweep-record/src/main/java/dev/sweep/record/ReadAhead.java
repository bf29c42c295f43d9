package dev.sweep.record;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decompresses on a thread of its own, a few chunks ahead of the reader: the reader's thread is left to the adapters.
 * The chunks go round between two bounded queues, so that however far behind the reader falls, the thread waits
 * rather than filling the heap. What the source says when it stops (the end, or why it failed) reaches the reader
 * after every byte before it, with the source's positions as they were then.
 */
final class ReadAhead extends Decompression {

    static final int CHUNK_BYTES = 256 * 1024;
    private static final int CHUNKS = 4;

    private final Decompression source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private Chunk current = START;
    private int read;

    ReadAhead(Decompression source, String name) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK_BYTES]);
        }
        this.thread = new Thread(this::run, name);
        // A reader abandoned without close() must not keep the process alive.
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    int read(byte[] buffer, int offset, int length) throws IOException {
        while (read == current.length()) {
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current.bytes() != null) {
                free.add(current.bytes());
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the recording to be decompressed");
            }
            read = 0;
        }
        if (current.length() < 0) {
            return -1;
        }
        int n = Math.min(length, current.length() - read);
        System.arraycopy(current.bytes(), read, buffer, offset, n);
        read += n;
        return n;
    }

    @Override
    long position() {
        return current.position();
    }

    @Override
    long fileBytes() {
        return current.fileBytes();
    }

    /** Stops the thread, which closes the source. */
    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (source) {
            while (true) {
                byte[] bytes = free.take();
                int length = 0;
                try {
                    while (length < bytes.length) {
                        int n = source.read(bytes, length, bytes.length - length);
                        if (n < 0) {
                            break;
                        }
                        length += n;
                    }
                } catch (IOException e) {
                    full.put(new Chunk(bytes, length, source.position(), source.fileBytes(), e));
                    return;
                } catch (RuntimeException e) {
                    // A decompressor's own bug on bad data must still end the reader's wait, with the reason.
                    full.put(new Chunk(bytes, length, source.position(), source.fileBytes(), new IOException(e)));
                    return;
                }
                if (length > 0) {
                    full.put(new Chunk(bytes, length, source.position(), source.fileBytes(), null));
                }
                if (length < bytes.length) {
                    full.put(new Chunk(null, -1, source.position(), source.fileBytes(), null));
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // Closed by the reader, which wants nothing more, or the source failed to close: nobody reads from here.
        }
    }

    /**
     * Decompressed bytes, and the source's positions after them; {@code length} -1 marks the end, a failure the point
     * where the source failed, after {@code length} bytes.
     */
    private record Chunk(byte[] bytes, int length, long position, long fileBytes, IOException failure) {
    }

    /** Before the first chunk: nothing read, nothing to hand back. */
    private static final Chunk START = new Chunk(null, 0, 0, 0, null);
}
