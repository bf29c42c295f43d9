package dev.sweep.venue.okx;

import dev.sweep.core.Instrument;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.SymbolFormat;
import dev.sweep.venue.server.DepthView;
import dev.sweep.venue.server.MarketView;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.RestRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * OKX's order book over REST ("GET / Order book"): {@code GET /api/v5/market/books?instId=BTC-USDT&sz=400}, at most
 * {@value OkxVenue#DEPTH} levels a side (1 when {@code sz} is not given), with the {@code seqId} the {@code books}
 * channel's ids continue from. What a book starts from once the channel no longer sends its snapshot.
 */
final class OkxSnapshots implements RestSnapshots {

    private final SymbolFormat symbols;

    OkxSnapshots(SymbolFormat symbols) {
        this.symbols = symbols;
    }

    @Override
    public String request(Instrument instrument) {
        return "/api/v5/market/books?instId=" + symbols.format(instrument) + "&sz=" + OkxVenue.DEPTH;
    }

    /**
     * 40 requests per 2 s per address, and an answer cached for 50 ms (a refetch sooner would get the same stale
     * book): a second per book leaves room for every book of a connection to refetch at once.
     */
    @Override
    public Duration minInterval() {
        return Duration.ofSeconds(1);
    }

    /** Ten updates a second at most (one per 100 ms): 1,000 is well over a minute of a snapshot on its way. */
    @Override
    public int maxBufferedUpdates() {
        return 1000;
    }

    @Override
    public RestAnswer answer(String text, MarketView market, long nowNanos) {
        RestRequest request = RestRequest.parse(text);
        if (!request.path().equals("/api/v5/market/books")) {
            return new RestAnswer(404, OkxProxy.restError("404", "Not Found"));
        }
        Optional<String> instId = request.parameter("instId").filter(name -> !name.isEmpty());
        if (instId.isEmpty()) {
            return new RestAnswer(400, OkxProxy.restError("50014", "Parameter instId can not be empty"));
        }
        Optional<Instrument> instrument = instId.flatMap(market::instrument);
        if (instrument.isEmpty()) {
            return new RestAnswer(400, OkxProxy.restError("51001", "Instrument ID does not exist"));
        }
        String size = request.parameter("sz").orElse("1");
        if (!size.matches("[0-9]{1,9}")) {
            return new RestAnswer(400, OkxProxy.restError("51000", "Parameter sz error"));
        }
        int levels = Math.min(OkxVenue.DEPTH, Math.max(1, Integer.parseInt(size)));
        return RestAnswer.ok(OkxProxy.restBooks(new DepthView(market.book(instrument.get()), levels).book(),
                market.updateId(instrument.get()), nowNanos / 1_000_000L));
    }
}
