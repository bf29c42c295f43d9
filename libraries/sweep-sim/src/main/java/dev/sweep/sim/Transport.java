package dev.sweep.sim;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The simulator's sockets: Linux's epoll through Netty's native transport where its library loads, Java's NIO
 * elsewhere (or with {@code -Dio.netty.transport.noNative=true}). Epoll costs fewer system calls a frame than NIO's
 * selector, and its loop wakes for a timer to the microsecond, where NIO's waits in whole milliseconds: a fast market
 * is paced by the loop itself ({@link MarketPacer}).
 */
final class Transport {

    private Transport() {
    }

    /** For the simulator's loop. */
    static IoHandlerFactory ioHandlers() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The server channel that registers with {@code loop}. */
    static Class<? extends ServerChannel> serverChannel(EventLoop loop) {
        return isEpoll(loop) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** Whether {@code loop} runs on epoll, whose timers wake it to the microsecond. */
    static boolean isEpoll(EventLoop loop) {
        return loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class);
    }
}
