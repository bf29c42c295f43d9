package dev.sweep.venue.kraken;

import dev.sweep.venue.VenueBook;

/**
 * Each book's checksum, computed over its top 10 levels and remembered: when an update changed no level in the top
 * 10 and the venue sends the checksum last verified, the book is verified by that comparison alone. Each book has a
 * computation of its own, which keeps that book's text from one update to the next.
 */
final class VerifiedChecksums {

    private final KrakenChecksum[] checksums;
    private final long[] verified;

    VerifiedChecksums(int books) {
        checksums = new KrakenChecksum[books];
        for (int i = 0; i < books; i++) {
            checksums[i] = new KrakenChecksum();
        }
        verified = new long[books];
    }

    /**
     * The book's checksum now, to compare with the venue's {@code expected}.
     *
     * @return the unsigned CRC32, or {@link KrakenChecksum#PRECISION_MISMATCH}
     */
    long checksum(VenueBook book, long expected, int pricePrecision, int qtyPrecision) {
        int index = book.index();
        if (book.shallowestChange() >= KrakenChecksum.LEVELS && verified[index] == expected) {
            return expected; // the top 10 levels did not change, so neither did their checksum
        }
        verified[index] = checksums[index].compute(book.book(), pricePrecision, qtyPrecision);
        return verified[index];
    }
}
