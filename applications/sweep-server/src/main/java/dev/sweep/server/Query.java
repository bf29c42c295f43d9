package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.report.Conversions;
import dev.sweep.report.Quantities;
import dev.sweep.report.TakerFees;
import dev.sweep.report.UserInputException;
import io.vertx.core.MultiMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parameters of one request, checked before anything is computed: only known names, each value at most
 * {@value #MAX_LENGTH} characters and free of control characters, lists of at most {@value #MAX_ITEMS} items. Every
 * problem is an {@link ApiException} naming the parameter.
 */
final class Query {

    static final int MAX_LENGTH = 200;
    static final int MAX_ITEMS = 20;

    private final MultiMap params;

    /**
     * @param allowed the names this endpoint takes
     * @throws ApiException when a name is unknown or a value too long
     */
    Query(MultiMap params, List<String> allowed) {
        this.params = params;
        for (String name : params.names()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(abbreviate(name), "unknown parameter '" + abbreviate(name)
                        + "' (parameters: " + String.join(", ", allowed) + ")");
            }
            for (String value : params.getAll(name)) {
                if (value.length() > MAX_LENGTH) {
                    throw ApiException.badRequest(name, name + " is longer than " + MAX_LENGTH + " characters");
                }
                checkPrintable(name, value);
            }
        }
    }

    /**
     * Refuses a value with a control character: the parsers trim whitespace, so {@code BTC-USD%00} would otherwise
     * pass for {@code BTC-USD}, and the character would be echoed into error messages and logs.
     */
    static void checkPrintable(String name, String value) {
        if (value.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw ApiException.badRequest(name, name + " contains a control character");
        }
    }

    /** The value of a parameter given at most once, or null. */
    String optional(String name) {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            throw ApiException.badRequest(name, name + " is given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    String required(String name) {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(name, name + " is required");
        }
        return value;
    }

    /** The comma-separated items of a parameter, which may also be repeated; empty when absent. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String value : params.getAll(name)) {
            for (String item : value.split(",", -1)) {
                if (item.isEmpty()) {
                    throw ApiException.badRequest(name, name + " has an empty item");
                }
                items.add(item);
            }
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.badRequest(name, name + " has more than " + MAX_ITEMS + " items");
        }
        return items;
    }

    OrderSide side() {
        String side = required("side");
        for (OrderSide candidate : OrderSide.values()) {
            if (candidate.label().equals(side)) {
                return candidate;
            }
        }
        throw ApiException.badRequest("side", "side must be sell or buy, not '" + abbreviate(side) + "'");
    }

    /** The instrument {@code symbol} names among those served; the first served when it names none. */
    Instrument instrument(BookSource source) {
        String symbol = optional("symbol");
        if (symbol == null) {
            return source.instruments().get(0);
        }
        return served("symbol", symbol, source);
    }

    /** The served instrument a parameter names; 404 when it is well formed but not served. */
    static Instrument served(String parameter, String symbol, BookSource source) {
        Instrument instrument;
        try {
            instrument = Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(parameter, parameter + ": " + e.getMessage());
        }
        if (!source.instruments().contains(instrument)) {
            throw ApiException.notFound(parameter, "no " + instrument + " books here (symbols: "
                    + String.join(", ", source.instruments().stream().map(Instrument::symbol).toList()) + ")");
        }
        return instrument;
    }

    /** The venues {@code venues} names, each served and named once, in the order served; all when it names none. */
    List<String> venues(BookSource source) {
        List<String> named = list("venues");
        Set<String> seen = new HashSet<>();
        for (String venue : named) {
            servedVenue("venues", venue, source);
            if (!seen.add(venue)) {
                throw ApiException.badRequest("venues", "venues names " + venue + " twice");
            }
        }
        return named.isEmpty() ? source.venues()
                : source.venues().stream().filter(named::contains).toList();
    }

    /** Whether the request names its venues, rather than taking every one served. */
    boolean namesVenues() {
        return !list("venues").isEmpty();
    }

    /**
     * What {@code convert} asks for: {@code false} takes only the books quoted in the symbol's own currency, as
     * {@code --no-convert} does; {@code true}, or no {@code convert}, also the books Sweep converts into it, at the
     * best live rate (README, "USD and USDT").
     */
    Conversions conversions(Instrument instrument) {
        String convert = optional("convert");
        if (convert == null || convert.equals("true")) {
            return Conversions.of(instrument, false, List.of());
        }
        if (convert.equals("false")) {
            return Conversions.none(instrument);
        }
        throw ApiException.badRequest("convert", "convert must be true or false, not '" + abbreviate(convert) + "'");
    }

    /** Checks that a parameter names a served venue; 404 when it does not. */
    static void servedVenue(String parameter, String venue, BookSource source) {
        if (!source.venues().contains(venue)) {
            throw ApiException.notFound(parameter, "no books of venue '" + abbreviate(venue) + "' here (venues: "
                    + String.join(", ", source.venues()) + ")");
        }
    }

    /** The taker fees of {@code fee}: {@code kraken:26bps}, a rate for every venue, or {@code none}. */
    TakerFees fees(List<String> venues) {
        TakerFees fees = parsed("fee", () -> TakerFees.from("fee", ':', list("fee")));
        List<String> unknown = fees.unknownVenues(venues);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("fee", "fee names unknown venue(s): " + String.join(", ", unknown));
        }
        return fees;
    }

    /** The order of {@code qty} (in the base asset) or {@code quote} (in the quote currency): exactly one. */
    OrderRequest order(OrderSide side, Instrument instrument) {
        String quantity = optional("qty");
        String quote = optional("quote");
        if ((quantity == null) == (quote == null)) {
            throw ApiException.badRequest(quantity == null ? "qty" : "quote", "give either qty or quote, not "
                    + (quantity == null ? "neither" : "both"));
        }
        return quantity != null
                ? new OrderRequest(side, decimal("qty", quantity, instrument.sizeScale()), false)
                : new OrderRequest(side, decimal("quote", quote, instrument.priceScale()), true);
    }

    /** The items of a list parameter, or of {@code fallback} (comma-separated) when it is absent. */
    List<String> listOr(String name, String fallback) {
        return params.contains(name) ? list(name) : List.of(fallback.split(","));
    }

    /** What a shared parser makes of a parameter; its complaint becomes a 400 naming the parameter. */
    static <T> T parsed(String name, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (UserInputException e) {
            throw ApiException.badRequest(name, e.getMessage());
        }
    }

    /** A positive whole number of at most {@code max}, or {@code fallback} when absent. */
    int count(String name, int fallback, int max) {
        String text = optional(name);
        if (text == null) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
            throw ApiException.badRequest(name, name + " must be a whole number from 1 to " + max + ", not '"
                    + abbreviate(text) + "'");
        }
        return Integer.parseInt(text);
    }

    private static BigDecimal decimal(String name, String text, int scale) {
        return parsed(name, () -> Quantities.positive(name, text, scale));
    }

    static String abbreviate(String text) {
        return UserInputException.excerpt(text);
    }
}
