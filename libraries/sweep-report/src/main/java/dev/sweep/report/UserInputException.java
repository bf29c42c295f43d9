package dev.sweep.report;

/**
 * Bad input from the user: an argument, an option or a file. Its message is the one line the user sees, so it
 * names the input and says what is wrong with it.
 */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user's text as a message quotes it: whole up to 40 characters, so that a hostile input cannot flood it. */
    public static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
