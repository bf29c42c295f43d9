package dev.sweep.sim.market;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import java.util.List;

/**
 * One step of one venue's book: the level changes applied to the truth, in order, and the trade that caused them,
 * if any.
 */
public record MarketEvent(String venue, Instrument instrument, List<Level> changes, Trade trade) {
}
