package dev.sweep.venue.coinbase;

import dev.sweep.core.Instrument;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonText;
import java.net.URI;
import java.util.List;

/**
 * Coinbase Advanced Trade WebSocket, channel {@code level2} (messages arrive on channel {@code l2_data}): the full
 * book as a snapshot, then updates, sizes as decimal strings, a {@code sequence_num} on every frame of the
 * connection. Public: no key is needed. The {@code heartbeats} channel is subscribed too, because Coinbase closes
 * quiet subscriptions after a minute or so.
 */
public final class CoinbaseVenue implements Venue {

    private static final long TAKER_FEE = TakerFee.parse("1.20%");

    @Override
    public String name() {
        return "coinbase";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://advanced-trade-ws.coinbase.com");
    }

    @Override
    public String symbol(Instrument instrument) {
        return instrument.symbol();
    }

    @Override
    public int pricePrecision(Instrument instrument) {
        return 2;
    }

    @Override
    public long defaultTakerFee() {
        return TAKER_FEE;
    }

    @Override
    public String integrity() {
        return "sequence_num on every frame: a gap breaks the books";
    }

    @Override
    public int bookDepth() {
        return 0;
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        String products = JsonText.array(instruments.stream().map(this::symbol).toList());
        return List.of(
                "{\"type\":\"subscribe\",\"product_ids\":" + products + ",\"channel\":\"level2\"}",
                "{\"type\":\"subscribe\",\"product_ids\":" + products + ",\"channel\":\"heartbeats\"}");
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new CoinbaseFeedAdapter(books);
    }
}
