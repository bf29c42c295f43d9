package dev.sweep.feed;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP GET of a snapshot, on the feed's event loop: a connection of its own, TLS by the same rules as the feeds'
 * WebSockets (the same {@link SslContext}: the JDK's trusted roots or the trust store, host names verified), the
 * feed's connect timeout on the whole request, and its message bound on the body. The callback is called once, on the
 * loop, with the body of a {@code 200} or with a reason in one line: the status and the start of what the server
 * said, a timeout, a body too large, a connection refused; never an exception.
 */
final class HttpGet extends SimpleChannelInboundHandler<FullHttpResponse> {

    /** Where the answer goes. */
    interface Callback {

        void onBody(byte[] body);

        /**
         * @param retryAfter how long the server asked the client to wait ({@code Retry-After}, with a 429, 418 or
         *                   503), or zero
         */
        void onFailure(String reason, Duration retryAfter);
    }

    /** Characters of an error body quoted in the reason: enough for a venue's error message. */
    private static final int QUOTED_CHARS = 200;

    private final URI uri;
    private final Callback callback;
    private final int maxBytes;
    private ScheduledFuture<?> timeout;
    private Channel channel;
    private boolean done;

    private HttpGet(URI uri, Callback callback, int maxBytes) {
        this.uri = uri;
        this.callback = callback;
        this.maxBytes = maxBytes;
    }

    /**
     * GETs {@code uri} ({@code http} or {@code https}).
     *
     * @param ssl the feeds' TLS, used for {@code https}
     */
    static void get(URI uri, EventLoop loop, SslContext ssl, FeedSettings settings, Callback callback) {
        HttpGet get = new HttpGet(uri, callback, settings.maxMessageBytes());
        long timeoutMillis = settings.connectTimeout().toMillis();
        String within = timeoutMillis % 1000 == 0 ? timeoutMillis / 1000 + " s" : timeoutMillis + " ms";
        get.timeout = loop.schedule(() -> get.fail("no answer within " + within, Duration.ZERO), timeoutMillis,
                TimeUnit.MILLISECONDS);
        int port = Endpoints.port(uri);
        boolean tls = "https".equals(uri.getScheme());
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(Transport.socketChannel(loop))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                        if (tls) {
                            // SNI and host-name verification both come from the host given here.
                            socket.pipeline().addLast(ssl.newHandler(socket.alloc(), uri.getHost(), port));
                        }
                        socket.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(get.maxBytes), get);
                    }
                })
                .connect(uri.getHost(), port);
        get.channel = connecting.channel();
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                String unreachable = Endpoints.unreachable(connected.cause(), uri);
                get.fail("cannot connect: " + (unreachable != null ? unreachable
                        : Endpoints.describe(connected.cause(), uri)), Duration.ZERO);
                return;
            }
            connecting.channel().writeAndFlush(request(uri, port));
        });
    }

    private static FullHttpRequest request(URI uri, int port) {
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        boolean defaultPort = uri.getPort() == -1;
        request.headers()
                .set(HttpHeaderNames.HOST, defaultPort ? uri.getHost() : uri.getHost() + ":" + port)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.USER_AGENT, "sweep")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return request;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (response.status().code() == HttpResponseStatus.OK.code()) {
            finish();
            callback.onBody(ByteBufUtil.getBytes(response.content()));
            return;
        }
        String said = quote(response.content().toString(StandardCharsets.UTF_8));
        // The standard phrase, not the server's: some send none.
        HttpResponseStatus status = HttpResponseStatus.valueOf(response.status().code());
        fail("HTTP " + status.code() + " " + status.reasonPhrase() + (said.isEmpty() ? "" : ": " + said),
                retryAfter(response));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause instanceof TooLongHttpContentException ? "the answer is larger than " + maxBytes + " bytes"
                : Endpoints.describe(cause, uri), Duration.ZERO);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail("the connection closed before the answer was complete", Duration.ZERO);
        super.channelInactive(ctx);
    }

    private void fail(String reason, Duration retryAfter) {
        if (!done) {
            finish();
            callback.onFailure(reason, retryAfter);
        }
    }

    /** Marks the request answered: the timer stops and the connection closes. */
    private void finish() {
        done = true;
        timeout.cancel(false);
        channel.close();
    }

    /** Seconds from a {@code Retry-After} header; an HTTP date or anything else counts as none. */
    private static Duration retryAfter(FullHttpResponse response) {
        String value = response.headers().get(HttpHeaderNames.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    /** The start of a body, on one line: a venue's error message, not a page of HTML. */
    private static String quote(String body) {
        String line = body.replaceAll("\\p{Cntrl}+", " ").trim();
        return line.length() <= QUOTED_CHARS ? line : line.substring(0, QUOTED_CHARS) + "…";
    }
}
