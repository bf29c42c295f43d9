package dev.sweep.report;

import dev.sweep.core.FixedPoint;
import java.math.BigDecimal;

/** Order sizes and amounts as users write them, on a command line or in a query, checked to a scale. */
public final class Quantities {

    private Quantities() {
    }

    /**
     * The positive decimal {@code text}, exact at {@code scale}.
     *
     * @param name what the user calls it ({@code quantity}, {@code --quote}, {@code qty}), for the message
     * @throws UserInputException naming {@code name} when the text is not a positive decimal at that scale
     */
    public static BigDecimal positive(String name, String text, int scale) {
        long value = FixedPoint.parse(text, scale);
        if (value < 0) {
            String reason = value == FixedPoint.SIGNED ? "must be a positive number" : FixedPoint.describe(value, scale);
            throw new UserInputException(name + " '" + UserInputException.excerpt(text) + "' is not valid: " + reason);
        }
        if (value == 0) {
            throw new UserInputException(name + " must be greater than 0");
        }
        return FixedPoint.toBigDecimal(value, scale);
    }
}
