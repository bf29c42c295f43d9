package dev.sweep.record;

import java.io.IOException;

/** The file is not a recording: its message names the file and says why, in one line. */
public final class RecordingFormatException extends IOException {

    public RecordingFormatException(String message) {
        super(message);
    }
}
