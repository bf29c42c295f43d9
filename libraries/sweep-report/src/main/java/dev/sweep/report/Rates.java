package dev.sweep.report;

import dev.sweep.core.BookSide;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rates a sweep converts at, by the currency converted, or why there is none. A rate taken from books is the
 * best price of the side the conversion trades: selling the base asset for USDT, one then sells the USDT for USD,
 * at the USDT-USD bid (the highest of the live books); buying it with USDT bought for USD costs the USDT-USD ask
 * (the lowest). Not the mid: the mid is a price nobody trades at, and taking it would make a converted venue look
 * better than it is by half the rate book's spread.
 */
public final class Rates {

    private final Map<String, ConversionRate> rates = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    /** The rates of the currencies {@code conversions} converts, stated or taken from the rate books' views. */
    public static Rates choose(Conversions conversions, OrderSide side, Map<String, List<BookView>> rateViews) {
        Rates chosen = new Rates();
        rateViews.forEach((currency, views) -> {
            Optional<ConversionRate> stated = conversions.stated(currency);
            if (stated.isPresent()) {
                chosen.rates.put(currency, stated.get());
            } else {
                String pair = conversions.rateInstrument(currency).symbol();
                best(currency, conversions.target().quote(), side, views).ifPresentOrElse(
                        rate -> chosen.rates.put(currency, rate),
                        () -> chosen.missing.put(currency, noRate(pair, views)));
            }
        });
        return chosen;
    }

    /** No conversion: every book swept is in the symbol's currency. */
    public static Rates none() {
        return new Rates();
    }

    /** The rate {@code currency} converts at, if there is one. */
    public Optional<ConversionRate> rate(String currency) {
        return Optional.ofNullable(rates.get(currency));
    }

    /** Why {@code currency} has no rate. */
    public String whyNone(String currency) {
        return missing.getOrDefault(currency, "no rate to convert " + currency + " at");
    }

    private static Optional<ConversionRate> best(String from, String to, OrderSide side, List<BookView> views) {
        BookView best = null;
        long bestPrice = BookSide.NO_PRICE;
        for (BookView view : views) {
            if (!view.isLive()) {
                continue;
            }
            long price = view.book().side(side.bookSide()).bestPrice();
            if (price != BookSide.NO_PRICE && (best == null || side.bookSide().isBetter(price, bestPrice))) {
                best = view;
                bestPrice = price;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new ConversionRate(from, to, bestPrice, best.venue(), best.ageNanos()));
    }

    private static String noRate(String pair, List<BookView> views) {
        if (views.isEmpty()) {
            return "no " + pair + " book to convert at: give a rate with --convert " + pair.replace('-', '=') + "@RATE";
        }
        List<String> states = new ArrayList<>();
        for (BookView view : views) {
            states.add(view.venue() + " " + (view.isLive() ? "has an empty side" : Reports.state(view)));
        }
        return "no live " + pair + " book to convert at: " + String.join(", ", states);
    }
}
