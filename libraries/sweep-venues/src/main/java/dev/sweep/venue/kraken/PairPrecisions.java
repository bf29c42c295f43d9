package dev.sweep.venue.kraken;

import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;

/**
 * The price and quantity precisions of each pair of one connection, which Kraken's checksum is written with: from
 * the {@link KrakenPrecisions} table at first, then from the {@code instrument} channel, the source of truth.
 */
final class PairPrecisions {

    private final int[] prices;
    private final int[] quantities;

    PairPrecisions(VenueBooks books) {
        prices = new int[books.size()];
        quantities = new int[books.size()];
        for (int i = 0; i < books.size(); i++) {
            String pair = books.get(i).venueSymbol();
            prices[i] = KrakenPrecisions.price(pair);
            quantities[i] = KrakenPrecisions.qty(pair);
        }
    }

    /** Whether both precisions of the book's pair are known: without them its checksum cannot be verified. */
    boolean isKnown(VenueBook book) {
        return prices[book.index()] != KrakenPrecisions.UNKNOWN && quantities[book.index()] != KrakenPrecisions.UNKNOWN;
    }

    int price(VenueBook book) {
        return prices[book.index()];
    }

    int quantity(VenueBook book) {
        return quantities[book.index()];
    }

    /** The instrument channel's precisions for the book's pair; the book shows prices with as many decimals. */
    void update(VenueBook book, int price, int quantity) {
        prices[book.index()] = price;
        quantities[book.index()] = quantity;
        book.book().setPricePrecision(Math.min(price, book.instrument().priceScale()));
    }
}
