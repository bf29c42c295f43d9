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
}
