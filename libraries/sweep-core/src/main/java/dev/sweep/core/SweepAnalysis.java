package dev.sweep.core;

import java.util.List;

/**
 * The full answer to one request: a report per venue and the merged report.
 *
 * @param request    what was asked
 * @param instrument the instrument swept
 * @param venues     one report per venue, in the order the venues were given
 * @param merged     the report over the consolidated book of all venues, with the split
 */
public record SweepAnalysis(OrderRequest request, Instrument instrument, List<SweepReport> venues,
                            SweepReport merged) {

    public SweepAnalysis {
        venues = List.copyOf(venues);
    }
}
