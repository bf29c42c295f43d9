package dev.sweep.report.render;

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

    /** Appends the lines of {@link #wrap}, each ended by a newline. */
    static void wrapInto(StringBuilder out, List<String> units, String joiner, int width, String first, String next) {
        for (String line : wrap(units, joiner, width, first, next)) {
            out.append(line).append('\n');
        }
    }

    /**
     * The units joined by {@code joiner} into lines of at most {@code width} columns, the first starting with
     * {@code first} and the others with {@code next}. A unit wider than a line is broken at its spaces; a word wider
     * than a line has a line of its own.
     */
    static List<String> wrap(List<String> units, String joiner, int width, String first, String next) {
        List<String[]> tokens = new ArrayList<>();
        int room = width - width(next);
        for (String unit : units) {
            String[] words = width(unit) > room ? unit.split(" ") : new String[] {unit};
            tokens.add(new String[] {joiner, words[0]});
            for (int i = 1; i < words.length; i++) {
                tokens.add(new String[] {" ", words[i]});
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int used = width(first);
        boolean empty = true;
        for (String[] token : tokens) {
            int tokenWidth = width(token[1]);
            if (!empty && used + width(token[0]) + tokenWidth > width) {
                lines.add(line.toString());
                line = new StringBuilder(next);
                used = width(next);
                empty = true;
            }
            if (!empty) {
                line.append(token[0]);
                used += width(token[0]);
            }
            line.append(token[1]);
            used += tokenWidth;
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }
}
