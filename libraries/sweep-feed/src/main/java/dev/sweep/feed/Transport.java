package dev.sweep.feed;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The feeds' sockets: Linux's epoll through Netty's native transport where its library loads, Java's NIO elsewhere
 * (or with {@code -Dio.netty.transport.noNative=true}). Epoll costs fewer system calls and less garbage a frame than
 * NIO's selector.
 */
final class Transport {

    private Transport() {
    }

    /** For the feeds' loops. */
    static IoHandlerFactory ioHandlers() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The socket channel that registers with {@code loop}, whichever transport it runs on. */
    static Class<? extends SocketChannel> socketChannel(EventLoop loop) {
        return loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class) ? EpollSocketChannel.class
                : NioSocketChannel.class;
    }
}
