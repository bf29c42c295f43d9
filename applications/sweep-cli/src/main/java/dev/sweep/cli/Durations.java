package dev.sweep.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 500ms}, {@code 2s}, {@code 1m}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private Durations() {
    }

    /**
     * @throws UserInputException naming the option when the text is not a positive duration
     */
    static Duration parse(String option, String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new UserInputException(option + " '" + text + "' must be a positive duration such as 500ms, 2s or 1m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
