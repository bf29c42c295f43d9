package dev.sweep.report;

import dev.sweep.core.Instrument;
import java.util.ArrayList;
import java.util.List;

/** Instruments as users list them ({@code --symbols BTC-USD,ETH-USD}): each well formed and named once. */
public final class Symbols {

    private Symbols() {
    }

    /**
     * The instrument {@code symbol} names.
     *
     * @throws UserInputException naming {@code option} when the symbol is malformed
     */
    public static Instrument instrument(String option, String symbol) {
        return instruments(option, List.of(symbol)).get(0);
    }

    /**
     * The instruments {@code symbols} names, in order.
     *
     * @param option the option or parameter that lists them, for the message
     * @throws UserInputException naming {@code option} when a symbol is malformed or named twice
     */
    public static List<Instrument> instruments(String option, List<String> symbols) {
        List<Instrument> instruments = new ArrayList<>();
        for (String symbol : symbols) {
            Instrument instrument;
            try {
                instrument = Instrument.of(symbol);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(option + ": " + e.getMessage());
            }
            if (instruments.contains(instrument)) {
                throw new UserInputException(option + " names " + instrument + " twice");
            }
            instruments.add(instrument);
        }
        return instruments;
    }
}
