package dev.sweep.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Laying text out in columns and lines of a given width, counting only the characters that show. */
final class Lines {

    /** ANSI color sequences, which take no column. */
    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;]*m");

    private Lines() {
    }

    /** Columns the text takes on screen. */
    static int width(String text) {
        String shown = ESCAPE.matcher(text).replaceAll("");
        return shown.codePointCount(0, shown.length());
    }

    /** The text, then spaces up to {@code width} columns; at least one space when the text fills them. */
    static String pad(String text, int width) {
        int shown = width(text);
        return shown >= width ? text + " " : text + " ".repeat(width - shown);
    }

    /** Spaces, then the text, up to {@code width} columns. */
    static String padLeft(String text, int width) {
        int shown = width(text);
        return shown >= width ? text : " ".repeat(width - shown) + text;
    }

    /**
     * The units joined by {@code joiner} into lines of at most {@code width} columns, the first starting with
     * {@code first} and the others with {@code next}. A unit wider than a line has a line of its own.
     */
    static List<String> wrap(List<String> units, String joiner, int width, String first, String next) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int used = width(first);
        boolean empty = true;
        for (String unit : units) {
            int unitWidth = width(unit);
            if (!empty && used + width(joiner) + unitWidth > width) {
                lines.add(line.toString());
                line = new StringBuilder(next);
                used = width(next);
                empty = true;
            }
            if (!empty) {
                line.append(joiner);
                used += width(joiner);
            }
            line.append(unit);
            used += unitWidth;
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }
}
