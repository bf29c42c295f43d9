package dev.sweep.report.render;

import dev.sweep.core.SweepReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fills of each report as {@code (price, size)}, wrapped to the width under the report's name: all of them, or
 * the first and last {@value #FEW} and how many are left out between.
 */
final class FillsSection {

    /** Fills shown at each end of a summarized list. */
    static final int FEW = 3;

    private final Style style;
    private final Readable readable;
    private final FillList list;
    private final int width;

    FillsSection(Style style, Readable readable, FillList list, int width) {
        this.style = style;
        this.readable = readable;
        this.list = list;
        this.width = width;
    }

    void append(StringBuilder out, List<SweepReport> reports) {
        boolean cut = list == FillList.SUMMARY && reports.stream().anyMatch(report -> isLong(report.fills()));
        out.append(style.header("fills (price, size)"))
                .append(cut ? style.faint(" · the first and last " + FEW + "; --fills lists them all") : "")
                .append('\n');
        int labelWidth = 2 + reports.stream().mapToInt(report -> report.label().length()).max().orElse(0);
        for (SweepReport report : reports) {
            Lines.wrapInto(out, units(report), " ", width, Lines.pad(report.label(), labelWidth),
                    " ".repeat(labelWidth));
        }
    }

    private List<String> units(SweepReport report) {
        List<SweepReport.Fill> fills = report.fills();
        if (fills.isEmpty()) {
            return List.of("(none)");
        }
        List<String> units = new ArrayList<>();
        if (list == FillList.ALL || !isLong(fills)) {
            fills.forEach(fill -> units.add(fill(report, fill)));
            return units;
        }
        fills.subList(0, FEW).forEach(fill -> units.add(fill(report, fill)));
        units.add(style.faint("… " + Decimals.readableExact(BigDecimal.valueOf(fills.size() - 2L * FEW))
                + " more …"));
        fills.subList(fills.size() - FEW, fills.size()).forEach(fill -> units.add(fill(report, fill)));
        return units;
    }

    /** Whether a summary would leave fills out: hiding a single fill would not shorten the line. */
    private static boolean isLong(List<SweepReport.Fill> fills) {
        return fills.size() > 2 * FEW + 1;
    }

    private String fill(SweepReport report, SweepReport.Fill fill) {
        return "(" + readable.price(fill.price(), fill.venue()) + ", " + readable.size(fill.size())
                + (report.isMerged() ? ", " + fill.venue() : "") + ")";
    }
}
