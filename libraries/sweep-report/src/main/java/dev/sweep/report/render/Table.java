package dev.sweep.report.render;

import java.util.List;

/**
 * Rows of cells in aligned columns, three spaces apart and indented by two: the first column to the left, the others to
 * the right, as numbers read. A row shorter than the others writes its last cell across the columns it lacks.
 */
final class Table {

    private Table() {
    }

    static void append(StringBuilder out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            if (row.length == columns) {
                for (int column = 0; column < columns; column++) {
                    widths[column] = Math.max(widths[column], Lines.width(row[column]));
                }
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ").append(Lines.pad(row[0], widths[0] + 1));
            for (int column = 1; column < row.length; column++) {
                line.append(row.length < columns ? row[column] : "   " + Lines.padLeft(row[column], widths[column]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
