package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MarketPaceTest {

    /** Up to 30 years at up to a hundred million steps a second: the exact quotient, as BigInteger computes it. */
    @Property(tries = 2000)
    void stepsDueIsTheExactQuotient(@ForAll @LongRange(min = 0, max = 30L * 365 * 86_400 * 1_000_000_000L) long elapsed,
                                    @ForAll @LongRange(min = 0, max = 100_000_000) long perSecond) {
        BigInteger exact = BigInteger.valueOf(elapsed).multiply(BigInteger.valueOf(perSecond))
                .divide(BigInteger.valueOf(1_000_000_000L));

        assertThat(MarketPace.stepsDue(elapsed, perSecond)).isEqualTo(exact.longValueExact());
    }

    /**
     * The step after those due at any time within 30 years falls due at the first nanosecond at which the steps due
     * reach it, not one nanosecond before.
     */
    @Property(tries = 2000)
    void aStepFallsDueWhenTheStepsDueReachIt(
            @ForAll @LongRange(min = 0, max = 30L * 365 * 86_400 * 1_000_000_000L) long elapsed,
            @ForAll @LongRange(min = 1, max = 100_000_000) long perSecond) {
        long step = MarketPace.stepsDue(elapsed, perSecond) + 1;

        long due = MarketPace.nanosUntil(step, perSecond);

        assertThat(MarketPace.stepsDue(due, perSecond)).isEqualTo(step);
        assertThat(MarketPace.stepsDue(due - 1, perSecond)).isEqualTo(step - 1);
    }
}
