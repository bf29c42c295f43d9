package dev.sweep.report;

import dev.sweep.core.ConversionRate;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import java.util.List;
import java.util.Map;

/**
 * The books of a view of both sides ({@code sweep curve}, {@code sweep depth}, {@code sweep book} and the API's), each
 * book quoted in another currency converted into the symbol's: its bids at the best rate a sell converts at, its asks
 * at a buy's, as {@code sweep sell} and {@code sweep buy} take them (README, "USD and USDT"). A book without both rates
 * is {@link dev.sweep.core.BookState#NO_RATE}, with the reason.
 *
 * @param views    the books, in the order given, the converted ones in the symbol's currency
 * @param bidRates the rate each converted venue's bids were taken at, by venue
 * @param askRates the rate its asks were taken at, by venue
 */
public record ConvertedViews(List<BookView> views, Map<String, ConversionRate> bidRates,
                             Map<String, ConversionRate> askRates) {

    /** The books as they are: none converted. */
    public static ConvertedViews unconverted(List<BookView> views) {
        return new ConvertedViews(views, Map.of(), Map.of());
    }

    /**
     * @param swept     the books, each of {@code instrument} or of a currency {@code conversions} converts
     * @param rateViews the rate books of each currency converted, by currency ({@link SweptViews#rateViews})
     */
    public static ConvertedViews of(Instrument instrument, Conversions conversions, List<BookView> swept,
                                    Map<String, List<BookView>> rateViews) {
        Rates bidRates = Rates.choose(conversions, OrderSide.SELL, rateViews);
        Rates askRates = Rates.choose(conversions, OrderSide.BUY, rateViews);
        List<BookView> views = Reports.withRates(instrument, Reports.withRates(instrument, swept, bidRates), askRates);
        return new ConvertedViews(Reports.converted(instrument, views, bidRates, askRates),
                Reports.rates(instrument, views, bidRates), Reports.rates(instrument, views, askRates));
    }

    /** The rates of the side an order trades: a sell's bids, a buy's asks. */
    public Map<String, ConversionRate> rates(OrderSide side) {
        return side == OrderSide.SELL ? bidRates : askRates;
    }
}
