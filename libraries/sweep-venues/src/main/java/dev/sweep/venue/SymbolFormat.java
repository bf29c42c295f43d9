package dev.sweep.venue;

import dev.sweep.core.Instrument;
import java.util.Locale;

/**
 * How a venue writes an instrument: {@code BTC-USD} is {@code BTC/USD} on Kraken, {@code BTCUSD} on Gemini,
 * {@code tBTCUSD} on Bitfinex, {@code btcusd} on Bitstamp.
 *
 * @param prefix    written before the base asset
 * @param separator written between the base and the quote asset
 * @param lowerCase whether the venue writes assets in lower case
 */
public record SymbolFormat(String prefix, String separator, boolean lowerCase) {

    /** Base and quote in upper case, with a separator: {@code BTC/USD}, {@code BTC-USD}, {@code BTCUSD}. */
    public static SymbolFormat upperCase(String separator) {
        return new SymbolFormat("", separator, false);
    }

    /** The instrument as the venue writes it. */
    public String format(Instrument instrument) {
        String symbol = prefix + instrument.base() + separator + instrument.quote();
        return lowerCase ? symbol.toLowerCase(Locale.ROOT) : symbol;
    }
}
