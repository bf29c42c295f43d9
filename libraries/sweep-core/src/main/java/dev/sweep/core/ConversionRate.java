package dev.sweep.core;

/**
 * The rate at which the prices of one currency's book are taken in another's: {@code 1 FROM = rate TO}, an exact
 * decimal at the instrument's price scale, named by where it came from.
 *
 * @param from     the currency the converted books quote in ({@code USDT})
 * @param to       the currency they are converted to, the symbol's own ({@code USD})
 * @param rate     TO per FROM, at the price scale of the instrument swept; positive
 * @param source   the venue whose {@code FROM-TO} book gave the rate, or {@link #STATED} for a rate given by the user
 * @param ageNanos the rate book's time since its last update, or -1 when it has none (a file, a stated rate)
 */
public record ConversionRate(String from, String to, long rate, String source, long ageNanos) {

    /** The source of a rate the user stated ({@code --convert USDT=USD@1}). */
    public static final String STATED = "stated";

    public ConversionRate {
        if (rate <= 0) {
            throw new IllegalArgumentException("a conversion rate must be positive: " + rate);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a conversion needs two currencies: " + from + " to " + to);
        }
    }

    /** The pair as a book names it: {@code USDT-USD}. */
    public String pair() {
        return from + "-" + to;
    }
}
