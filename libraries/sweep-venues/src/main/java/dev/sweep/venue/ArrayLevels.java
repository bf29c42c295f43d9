package dev.sweep.venue;

/**
 * How a venue writes a side's levels as an array of arrays, each level's price and size first, as decimal strings
 * ({@code [["67000.1","0.5"],…]}, Binance, OKX and Bybit), for {@link FrameDecoder#readArrayLevels}: the words of its
 * messages that say what is wrong, and whether a level carries more fields after those two.
 *
 * @param notSuch    why the frame is rejected when the side is not such an array
 * @param size       the venue's name for a level's size, for a message about it
 * @param notLevel   why the frame is rejected when a level is not such an array
 * @param moreFields whether a level may carry more strings or numbers after its size, which are not read (OKX's
 *                   deprecated field and order count)
 */
public record ArrayLevels(String notSuch, String size, String notLevel, boolean moreFields) {
}
