package dev.sweep.report;

import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which books a sweep takes, and in which currency (README, "USD and USDT"): each venue's book quoted in the
 * symbol's own currency; else, unless {@code --no-convert}, its book quoted in a currency Sweep converts into the
 * symbol's, at a rate from a live rate book or the one {@code --convert} states. Sweep converts USDT books into USD
 * by itself, and nothing else: a USDT sweep takes USD books only at a rate stated with {@code --convert}.
 */
public final class Conversions {

    /** The currencies converted without being asked, by the currency they are converted into. */
    private static final Map<String, List<String>> AUTOMATIC = Map.of("USD", List.of("USDT"));
    private static final Pattern STATED = Pattern.compile("([A-Za-z0-9]{1,12})=([A-Za-z0-9]{1,12})@(.*)");

    private final Instrument target;
    private final boolean automatic;
    private final Map<String, ConversionRate> stated;

    private Conversions(Instrument target, boolean automatic, Map<String, ConversionRate> stated) {
        this.target = target;
        this.automatic = automatic;
        this.stated = Map.copyOf(stated);
    }

    /** Only the books quoted in the symbol's own currency. */
    public static Conversions none(Instrument target) {
        return new Conversions(target, false, Map.of());
    }

    /** What the options ask for: {@code --no-convert}, {@code --convert FROM=TO@RATE} (repeatable), or neither. */
    public static Conversions of(Instrument target, boolean noConvert, List<String> convert) {
        if (noConvert && !convert.isEmpty()) {
            throw new UserInputException("--no-convert and --convert contradict each other: choose one");
        }
        if (noConvert) {
            return none(target);
        }
        Map<String, ConversionRate> stated = new LinkedHashMap<>();
        for (String text : convert) {
            ConversionRate rate = parse(text, target);
            if (stated.put(rate.from(), rate) != null) {
                throw new UserInputException("--convert: " + rate.from() + " is given twice");
            }
        }
        return new Conversions(target, stated.isEmpty(), stated);
    }

    private static ConversionRate parse(String text, Instrument target) {
        Matcher matcher = STATED.matcher(text.trim());
        if (!matcher.matches()) {
            throw new UserInputException("--convert: '" + text + "' is not FROM=TO@RATE, e.g. USDT=USD@1");
        }
        String from = matcher.group(1).toUpperCase(java.util.Locale.ROOT);
        String to = matcher.group(2).toUpperCase(java.util.Locale.ROOT);
        if (!to.equals(target.quote())) {
            throw new UserInputException("--convert: " + text + " converts into " + to + ", but " + target
                    + " is quoted in " + target.quote());
        }
        if (from.equals(to)) {
            throw new UserInputException("--convert: " + text + " converts " + from + " into itself");
        }
        long rate = FixedPoint.parse(matcher.group(3), target.priceScale());
        if (rate <= 0) {
            throw new UserInputException("--convert: the rate of " + text + " must be a positive decimal with at most "
                    + target.priceScale() + " decimals");
        }
        return new ConversionRate(from, to, rate, ConversionRate.STATED, -1);
    }

    public Instrument target() {
        return target;
    }

    /**
     * The currency of the book a venue listing {@code quotes} takes part with: the symbol's own, else the first it
     * lists that is converted; empty when the venue takes no part.
     */
    public Optional<String> bookQuote(Set<String> quotes) {
        if (quotes.contains(target.quote())) {
            return Optional.of(target.quote());
        }
        return new TreeSet<>(quotes).stream().filter(this::converts).findFirst();
    }

    /** Whether books quoted in {@code currency} are converted into the symbol's. */
    public boolean converts(String currency) {
        return stated.containsKey(currency)
                || automatic && AUTOMATIC.getOrDefault(target.quote(), List.of()).contains(currency);
    }

    /** Whether Sweep converts books quoted in {@code currency} into the symbol's unless told not to. */
    public boolean convertible(String currency) {
        return AUTOMATIC.getOrDefault(target.quote(), List.of()).contains(currency);
    }

    /** Whether the rate for {@code currency} comes from a live book rather than the command line. */
    public boolean needsRateBook(String currency) {
        return converts(currency) && !stated.containsKey(currency);
    }

    /** The stated rate for {@code currency}, if one was. */
    public Optional<ConversionRate> stated(String currency) {
        return Optional.ofNullable(stated.get(currency));
    }

    /** The symbol's base asset quoted in {@code currency}: the book a converted venue is swept with. */
    public Instrument instrument(String currency) {
        return Instrument.of(target.base() + "-" + currency);
    }

    /** The book whose prices give the rate of {@code currency} in the symbol's: {@code USDT-USD}. */
    public Instrument rateInstrument(String currency) {
        return Instrument.of(currency + "-" + target.quote());
    }

    /** A rate in a readable form, for help and messages: {@code 1 USDT = 0.9998 USD}. */
    public static String describe(ConversionRate rate, int scale) {
        BigDecimal value = FixedPoint.toBigDecimal(rate.rate(), scale).stripTrailingZeros();
        return "1 " + rate.from() + " = " + value.toPlainString() + " " + rate.to();
    }
}
