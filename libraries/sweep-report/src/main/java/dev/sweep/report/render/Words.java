package dev.sweep.report.render;

import java.math.BigDecimal;

/** Counted nouns for people: {@code 1 venue}, {@code 2 venues}, {@code 1,234 fills}. */
final class Words {

    private Words() {
    }

    /** The count with thousands separators and the noun, plural unless the count is one. */
    static String count(long count, String noun) {
        return Decimals.readableExact(BigDecimal.valueOf(count)) + " " + (count == 1 ? noun : noun + "s");
    }
}
