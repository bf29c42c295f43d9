package dev.sweep.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the user asks: buy or sell an amount, given either in the base asset ({@code sell 15} BTC) or in the quote
 * currency ({@code buy --quote 1000000} USD).
 *
 * @param side    buy or sell
 * @param amount  a positive amount
 * @param inQuote whether {@code amount} is in the quote currency: for a buy, the total spent including fees; for a
 *                sell, the proceeds after fees
 */
public record OrderRequest(OrderSide side, BigDecimal amount, boolean inQuote) {

    public OrderRequest {
        Objects.requireNonNull(side, "side");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("the amount must be positive: " + amount.toPlainString());
        }
    }

    /**
     * The order's size as asked, saying which currency it is in: {@code 15 BTC-USD}, or for a quote amount
     * {@code 1000000 USD of BTC-USD}.
     */
    public String describe(Instrument instrument) {
        String exact = amount.stripTrailingZeros().toPlainString();
        return inQuote ? exact + " " + instrument.quote() + " of " + instrument.symbol()
                : exact + " " + instrument.symbol();
    }

    /** The unit {@code amount} is in, for the given instrument ({@code "BTC"} or {@code "USD"}). */
    public String unit(Instrument instrument) {
        return inQuote ? instrument.quote() : instrument.base();
    }
}
