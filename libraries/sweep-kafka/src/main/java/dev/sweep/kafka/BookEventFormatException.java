package dev.sweep.kafka;

/** A record that is not a book event of a version this reader knows: "Malformed book event: ...". */
public final class BookEventFormatException extends RuntimeException {

    public BookEventFormatException(String message) {
        super("Malformed book event: " + message);
    }
}
