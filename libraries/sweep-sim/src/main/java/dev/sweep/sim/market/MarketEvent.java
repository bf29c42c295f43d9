package dev.sweep.sim.market;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.Trade;
import java.util.List;
import java.util.Optional;

/**
 * One step of one venue's book: the level changes applied to the truth, in order, and the trade that caused them,
 * if the step was one.
 */
public record MarketEvent(String venue, Instrument instrument, List<Level> changes, Optional<Trade> trade) {
}
