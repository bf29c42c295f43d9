package dev.sweep.feed;

import dev.sweep.core.Instrument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tap that holds what a connection syncing to take over from another receives, and hands it on only once that
 * connection took over: a recording never interleaves two connections of one venue, whose replay starts the books
 * afresh at each new connection number. Called on the connection's thread only.
 */
final class HeldFrames implements FrameTap {

    private final FrameTap tap;
    /** What was received while held, in order; null once released. */
    private List<Held> held = new ArrayList<>();

    HeldFrames(FrameTap tap) {
        this.tap = tap;
    }

    /** The tap behind {@code tap}: a connection taking over from one that took over holds for the tap itself. */
    static FrameTap unheld(FrameTap tap) {
        return tap instanceof HeldFrames held ? held.tap : tap;
    }

    @Override
    public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length) {
        if (held == null) {
            tap.onFrame(venue, connection, receiveEpochNanos, buffer, offset, length);
        } else {
            held.add(new Held(venue, connection, receiveEpochNanos, null,
                    Arrays.copyOfRange(buffer, offset, offset + length)));
        }
    }

    @Override
    public void onSnapshot(String venue, int connection, long receiveEpochNanos, Instrument instrument, byte[] buffer,
                           int offset, int length) {
        if (held == null) {
            tap.onSnapshot(venue, connection, receiveEpochNanos, instrument, buffer, offset, length);
        } else {
            held.add(new Held(venue, connection, receiveEpochNanos, instrument,
                    Arrays.copyOfRange(buffer, offset, offset + length)));
        }
    }

    /** Hands on everything held, in order, and from now on each frame as it comes. */
    void release() {
        List<Held> frames = held;
        held = null;
        for (Held frame : frames) {
            if (frame.instrument == null) {
                tap.onFrame(frame.venue, frame.connection, frame.receiveEpochNanos, frame.bytes, 0,
                        frame.bytes.length);
            } else {
                tap.onSnapshot(frame.venue, frame.connection, frame.receiveEpochNanos, frame.instrument, frame.bytes,
                        0, frame.bytes.length);
            }
        }
    }

    /** A frame, or a REST snapshot when its instrument is set. */
    private record Held(String venue, int connection, long receiveEpochNanos, Instrument instrument, byte[] bytes) {
    }
}
