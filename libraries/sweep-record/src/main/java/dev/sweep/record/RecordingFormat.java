package dev.sweep.record;

import java.nio.charset.StandardCharsets;

/**
 * The versions of a recording's file (see {@code FORMAT.md}): the same records, compressed by another codec. A reader
 * reads both, told apart by the codec's own magic at the start of the file.
 */
public enum RecordingFormat {

    /** GZIP: small files, but inflating them is slower than replaying what they hold. */
    VERSION_1("SWR1", "GZIP"),
    /** LZ4 frames: larger files, inflated several times faster than GZIP. What {@code sweep record} writes. */
    VERSION_2("SWR2", "LZ4");

    /** What a writer writes unless told otherwise. */
    public static final RecordingFormat CURRENT = VERSION_2;

    private final byte[] magic;
    private final String codec;

    RecordingFormat(String magic, String codec) {
        this.magic = magic.getBytes(StandardCharsets.US_ASCII);
        this.codec = codec;
    }

    /** {@code version 2 (LZ4)}. */
    @Override
    public String toString() {
        return "version " + (ordinal() + 1) + " (" + codec + ")";
    }

    /** The first bytes of the uncompressed data. */
    byte[] magic() {
        return magic.clone();
    }
}
