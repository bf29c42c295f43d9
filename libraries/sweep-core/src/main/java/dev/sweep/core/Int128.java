package dev.sweep.core;

import java.math.BigInteger;

/**
 * A mutable, non-negative 128-bit accumulator for sums of products of scaled longs (a notional of price × size is
 * 10^18-scaled and overflows a {@code long} at a few BTC). Adding never allocates; overflow past 127 bits throws
 * rather than wraps.
 */
final class Int128 {

    private long high;
    private long low;

    /** Adds {@code a × b} for {@code a, b ≥ 0}. */
    void addProduct(long a, long b) {
        long productHigh = Math.multiplyHigh(a, b);
        long productLow = a * b;
        long sum = low + productLow;
        long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        high = Math.addExact(high, Math.addExact(productHigh, carry));
        low = sum;
    }

    void reset() {
        high = 0;
        low = 0;
    }

    BigInteger toBigInteger() {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** Compares {@code a1 × b1} with {@code a2 × b2} exactly, for non-negative factors. */
    static int compareProducts(long a1, long b1, long a2, long b2) {
        long high1 = Math.multiplyHigh(a1, b1);
        long high2 = Math.multiplyHigh(a2, b2);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a1 * b1, a2 * b2);
    }
}
