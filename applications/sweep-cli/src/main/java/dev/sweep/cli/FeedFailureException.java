package dev.sweep.cli;

/** No venue could deliver a book: the message names each venue and why (exit code 3). */
final class FeedFailureException extends RuntimeException {

    FeedFailureException(String message) {
        super(message);
    }
}
