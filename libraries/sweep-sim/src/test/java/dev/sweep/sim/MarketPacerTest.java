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

    /**
     * On Java's selector, a thread of the pacer's own wakes the loop many times a millisecond (about every 70 µs),
     * where the loop's own timer wakes it at most once: more than two paces a millisecond on average, even on a busy
     * machine, and each on the loop.
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

    private static void assertPacesBetweenTicks(IoHandlerFactory ioHandlers) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, ioHandlers);
        try {
            AtomicLong paces = new AtomicLong();
            AtomicLong offLoop = new AtomicLong();
            var loop = group.next();
            try (MarketPacer pacer = MarketPacer.start(loop, () -> {
                paces.incrementAndGet();
                if (!loop.inEventLoop()) {
                    offLoop.incrementAndGet();
                }
            })) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            long afterClose = paces.get();
            TimeUnit.MILLISECONDS.sleep(50);

            assertThat(afterClose).as("paces in 500 ms").isGreaterThan(1_000);
            assertThat(offLoop.get()).as("paces off the loop").isZero();
            assertThat(paces.get() - afterClose).as("paces after closing, but for one queued").isLessThanOrEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
