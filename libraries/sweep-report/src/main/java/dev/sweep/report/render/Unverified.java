package dev.sweep.report.render;

/**
 * How a book that no integrity check proves whole is shown to people: a marker after its venue's name wherever the
 * report names the venue as a book, and one line, once, saying what the marker means.
 */
public final class Unverified {

    /** Follows the name of a venue whose book is unverified. */
    public static final String MARKER = "*";
    /** What the marker means, shown once by any output that marks a venue. */
    public static final String LEGEND = MARKER + " unverified: the feed has no sequence numbers or checksum to prove"
            + " the book whole";

    private Unverified() {
    }

    /** The venue's name, marked when its book is unverified. */
    public static String name(String venue, boolean verified) {
        return verified ? venue : venue + MARKER;
    }
}
