package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MarketPacerTest {

    private static final long HALF_A_MILLISECOND = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long SOON_PACES = 500;

    /**
     * On Java's selector, a thread of the pacer's own wakes the loop many times a millisecond (about every 70 µs),
     * where the loop's own timer wakes it at most once; each pace runs on the loop.
     */
    @Test
    void pacesALoopOnJavasSelectorBetweenItsMillisecondTicks() throws InterruptedException {
        assertPacesBetweenTicks(NioIoHandler.newFactory());
    }

    /** On epoll, the loop's own timer wakes it to the microsecond: it paces itself, as often. */
    @Test
    void aLoopOnEpollPacesItselfBetweenItsMillisecondTicks() throws InterruptedException {
        assertPacesBetweenTicks(EpollIoHandler.newFactory());
    }

    /**
     * Counts the paces that come sooner than half a millisecond after the one before, which a loop woken only by its
     * millisecond ticks never makes: a few hundred of them prove the pacing, however little CPU a busy machine leaves
     * the loop (a rate in paces per second would measure the machine instead).
     */
    private static void assertPacesBetweenTicks(IoHandlerFactory ioHandlers) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, ioHandlers);
        try {
            AtomicLong paces = new AtomicLong();
            AtomicLong soon = new AtomicLong();
            AtomicLong offLoop = new AtomicLong();
            long[] last = {0};
            var loop = group.next();
            try (MarketPacer pacer = MarketPacer.start(loop, () -> {
                long now = System.nanoTime();
                if (paces.incrementAndGet() > 1 && now - last[0] < HALF_A_MILLISECOND) {
                    soon.incrementAndGet();
                }
                last[0] = now;
                if (!loop.inEventLoop()) {
                    offLoop.incrementAndGet();
                }
            })) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (soon.get() < SOON_PACES && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
            long afterClose = paces.get();
            TimeUnit.MILLISECONDS.sleep(50);

            assertThat(soon.get()).as("paces within half a millisecond of the one before").isGreaterThanOrEqualTo(
                    SOON_PACES);
            assertThat(offLoop.get()).as("paces off the loop").isZero();
            assertThat(paces.get() - afterClose).as("paces after closing, but for one queued").isLessThanOrEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
