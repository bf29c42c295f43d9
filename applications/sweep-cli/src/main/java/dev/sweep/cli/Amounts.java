package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.report.Quantities;
import dev.sweep.report.UserInputException;
import java.math.BigDecimal;

/** Order sizes as users type them, checked to the instrument's scales. */
final class Amounts {

    private Amounts() {
    }

    /**
     * The request for a base quantity or, when {@code quantity} is null, a quote amount.
     *
     * @throws UserInputException with a one-line reason for a size that is not a positive decimal
     */
    static OrderRequest request(OrderSide side, String quantity, String quote, Instrument instrument) {
        if (quantity != null) {
            return new OrderRequest(side, amount(side, "quantity", quantity, instrument.sizeScale()), false);
        }
        return new OrderRequest(side, amount(side, "--quote", quote, instrument.priceScale()), true);
    }

    private static BigDecimal amount(OrderSide side, String name, String text, int scale) {
        if (text.startsWith("--") || (text.startsWith("-") && text.length() > 1 && !Character.isDigit(text.charAt(1)))) {
            throw new UserInputException("unknown option '" + text + "' (see 'sweep " + side.label() + " --help')");
        }
        return Quantities.positive(name, text, scale);
    }
}
