package dev.sweep.sim.session;

import dev.sweep.sim.Fault;
import dev.sweep.sim.FaultPlan;
import dev.sweep.sim.FlushProbe;
import dev.sweep.sim.market.SyntheticMarket;
import java.util.SplittableRandom;

/** What a session needs from the simulator; everything is used on the simulator's single event loop. */
public interface SimContext {

    SyntheticMarket market();

    FaultPlan faults();

    /** The seeded source for fault draws. */
    SplittableRandom random();

    /** The simulator's time, in nanoseconds since the epoch: for timestamps in frames, heartbeats and stalls. */
    long nowNanos();

    /** Counts one frame sent, for the status line. */
    void countSent();

    /** Counts one fault injected. */
    void countFault(Fault fault);

    /** Told when each update's frame went out. */
    FlushProbe flushes();
}
