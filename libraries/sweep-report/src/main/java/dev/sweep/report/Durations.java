package dev.sweep.report;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 500ms}, {@code 2s}, {@code 1m}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** Longer than any wait, refresh or recording Sweep is meant for; and far from overflowing a millisecond count. */
    public static final Duration MAX = Duration.ofDays(7);

    private Durations() {
    }

    /**
     * @throws UserInputException naming the option when the text is not a positive duration, or is longer than
     *                            {@link #MAX}
     */
    public static Duration parse(String option, String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches() || matcher.group(1).chars().allMatch(digit -> digit == '0')) {
            throw new UserInputException(option + " '" + text + "' must be a positive duration such as 500ms, 2s or 1m");
        }
        // Compared as a number of any length, so that 99999999999999s is "too long", not "not a duration".
        BigInteger amount = new BigInteger(matcher.group(1));
        BigInteger millis = amount.multiply(BigInteger.valueOf(switch (matcher.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            default -> 60_000;
        }));
        if (millis.compareTo(BigInteger.valueOf(MAX.toMillis())) > 0) {
            throw new UserInputException(option + " '" + text + "' is too long: at most " + MAX.toDays() + " days ("
                    + MAX.toMinutes() + "m)");
        }
        return Duration.ofMillis(millis.longValueExact());
    }
}
