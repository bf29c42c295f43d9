package dev.sweep.report.render;

import picocli.CommandLine.Help.Ansi;

/** Colors for the human report, or none: the same text either way. */
final class Style {

    private final boolean colors;

    Style(boolean colors) {
        this.colors = colors;
    }

    String bold(String text) {
        return apply("bold", text);
    }

    String header(String text) {
        return apply("bold,cyan", text);
    }

    String good(String text) {
        return apply("green", text);
    }

    String warning(String text) {
        return apply("bold,yellow", text);
    }

    String faint(String text) {
        return apply("faint", text);
    }

    private String apply(String styles, String text) {
        return colors ? Ansi.ON.string("@|" + styles + " " + text + "|@") : text;
    }
}
