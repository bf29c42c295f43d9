package dev.sweep.sim;

/**
 * How many market steps are due at a rate after a time, and when each one is due: exact, and without overflow on runs
 * of any length.
 */
final class MarketPace {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private MarketPace() {
    }

    /**
     * {@code ⌊elapsedNanos × perSecond / 10⁹⌋}, computed from whole seconds and the rest: the product itself
     * overflows a long after 17 minutes at nine million steps a second.
     *
     * @param elapsedNanos time since the pace started, ≥ 0
     * @param perSecond    steps per second, ≥ 0
     * @throws ArithmeticException when the result does not fit, or above 9 billion steps a second
     */
    static long stepsDue(long elapsedNanos, long perSecond) {
        long seconds = elapsedNanos / NANOS_PER_SECOND;
        long rest = elapsedNanos % NANOS_PER_SECOND;
        return Math.addExact(Math.multiplyExact(seconds, perSecond),
                Math.multiplyExact(rest, perSecond) / NANOS_PER_SECOND);
    }

    /**
     * When step number {@code step} (from 1) falls due: the least elapsed time at which {@link #stepsDue} reaches it,
     * {@code ⌈step × 10⁹ / perSecond⌉}, computed from whole seconds' worth of steps and the rest.
     *
     * @param step      the step, ≥ 1
     * @param perSecond steps per second, ≥ 1
     * @throws ArithmeticException when the result does not fit, or above 9 billion steps a second
     */
    static long nanosUntil(long step, long perSecond) {
        long seconds = step / perSecond;
        long rest = Math.multiplyExact(step % perSecond, NANOS_PER_SECOND);
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND),
                rest / perSecond + (rest % perSecond == 0 ? 0 : 1));
    }
}
