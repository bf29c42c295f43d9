package dev.sweep.sim.market;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.server.MarketProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/**
 * The simulated market: for each instrument a fair price on a random walk, and each venue's book around it. Steps
 * go round the books in a fixed order from one seeded random source, so a seed always yields the same sequence of
 * books. Not thread-safe: the simulator's event loop owns it.
 */
public final class SyntheticMarket {

    /** The instruments the simulator lists, with a plausible starting price. */
    public static final Map<String, String> STARTING_PRICES = Map.of(
            "BTC-USD", "67000", "ETH-USD", "3500", "SOL-USD", "150", "BTC-USDT", "67010", "USDT-USD", "0.9998",
            "ETH-USDT", "3500.5");
    /**
     * The symbols in the order their books are built and stepped (part of the seed): the USDT books after the
     * others, so that the USD books of a seed are drawn as before they were added.
     */
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "BTC-USDT", "USDT-USD",
            "ETH-USDT");
    /**
     * Decimals a book quotes beyond its venue's tick: a USDT-USD book, near 1, at the venue's tick would be a few
     * levels 10 % apart; with four more decimals it is as fine as the venue's BTC book relative to its price.
     */
    private static final Map<String, Integer> EXTRA_TICK_DECIMALS = Map.of("USDT-USD", 4);

    private final SplittableRandom random;
    private final List<VenueMarket> books = new ArrayList<>();
    private final Map<Instrument, long[]> fairPrices = new LinkedHashMap<>();
    /** Each book's instrument's fair price, the book's index into it: a step looks up no map. */
    private final List<long[]> fairPriceOfBook = new ArrayList<>();
    private int next;

    /**
     * Every venue listing every instrument.
     *
     * @param seed   seeds every random choice
     * @param venues each venue's name and how it quotes, in a fixed order (the order is part of the seed)
     */
    public SyntheticMarket(long seed, Map<String, MarketProfile> venues) {
        this(seed, venues, (venue, instrument) -> true);
    }

    /**
     * @param seed   seeds every random choice
     * @param venues each venue's name and how it quotes, in a fixed order (the order is part of the seed)
     * @param lists  whether a venue lists an instrument: the market keeps that venue's book of it
     */
    public SyntheticMarket(long seed, Map<String, MarketProfile> venues, BiPredicate<String, Instrument> lists) {
        this.random = new SplittableRandom(seed);
        for (String symbol : SYMBOLS) {
            Instrument instrument = Instrument.of(symbol);
            long fair = FixedPoint.parseOrThrow(STARTING_PRICES.get(symbol), instrument.priceScale());
            long[] fairPrice = {fair};
            fairPrices.put(instrument, fairPrice);
            int extraDecimals = EXTRA_TICK_DECIMALS.getOrDefault(symbol, 0);
            venues.forEach((venue, profile) -> {
                // Split for every venue, listing or not, so that each book draws what it would if all listed.
                SplittableRandom bookRandom = random.split();
                if (lists.test(venue, instrument)) {
                    books.add(new VenueMarket(venue, new MarketProfile(profile.tickDecimals() + extraDecimals,
                            profile.spreadTicks(), profile.minLevels(), profile.maxLevels(), profile.meanSizeCents()),
                            instrument, fair, bookRandom));
                    fairPriceOfBook.add(fairPrice);
                }
            });
        }
    }

    /** The instruments listed, by any venue. */
    public List<Instrument> instruments() {
        return List.copyOf(fairPrices.keySet());
    }

    /** The instruments the venue lists. */
    public List<Instrument> instruments(String venue) {
        return books.stream().filter(market -> market.venue().equals(venue)).map(market -> market.book().instrument())
                .toList();
    }

    /** How many books the market keeps: one per venue and instrument it lists. */
    public int books() {
        return books.size();
    }

    /** The truth book of a venue, or null when the venue does not list the instrument. */
    public OrderBook book(String venue, Instrument instrument) {
        VenueMarket market = market(venue, instrument);
        return market == null ? null : market.book();
    }

    /** Level changes the venue's book of the instrument has gone through: the id of the last one. */
    public long updateId(String venue, Instrument instrument) {
        return market(venue, instrument).updateId();
    }

    private VenueMarket market(String venue, Instrument instrument) {
        for (VenueMarket market : books) {
            if (market.venue().equals(venue) && market.book().instrument().equals(instrument)) {
                return market;
            }
        }
        return null;
    }

    /** Moves the next book in turn one step. */
    public MarketEvent step() {
        VenueMarket market = books.get(next);
        long[] fair = fairPriceOfBook.get(next);
        next = (next + 1) % books.size();
        if (random.nextInt(20) == 0) {
            // A tick of the shared fair price: a hundredth of a basis point of it, up or down.
            long move = Math.max(1, fair[0] / 1_000_000);
            fair[0] += random.nextBoolean() ? move : -move;
        }
        return market.step(fair[0]);
    }
}
