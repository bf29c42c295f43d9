package dev.sweep.sim;

import dev.sweep.core.Instrument;
import dev.sweep.core.IoFailures;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.sim.market.SyntheticMarket;
import dev.sweep.sim.session.Session;
import dev.sweep.sim.session.SimContext;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.RestAnswer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;

/**
 * The exchange simulator: a WebSocket server that speaks every registered venue's dialect at the venue's
 * {@linkplain dev.sweep.venue.VenueDescriptor#simulatorPath() path} ({@code /kraken/v2}, {@code /coinbase}, …),
 * over a synthetic market in which each venue quotes as its descriptor's market profile says. A venue whose
 * snapshots come over REST answers them on the same port, below its
 * {@linkplain dev.sweep.venue.VenueDescriptor#simulatorRestPath() REST path}, with faults on demand
 * ({@link SnapshotFault}).
 *
 * <p>Everything runs on one event loop thread: the market, every session, the server. The methods of this class
 * may be called from any thread; they run their work on that loop and wait for it, so a test sees the market and
 * the sessions in one consistent state.
 *
 * <p>The market steps at its rate on a fixed schedule, and each update carries the time its step was due, not the
 * time it went out: a client measuring its latency from that time counts whatever delayed the simulator too, so the
 * measure is free of coordinated omission. A fast market ({@link MarketPacer#STEPS_PER_SECOND} or more) is paced
 * between the loop's 1 ms ticks as well.
 */
public final class Simulator implements AutoCloseable, SimContext {

    private static final long TICK_MILLIS = 1;
    /** Most market steps in one tick, so that a stalled loop catches up in bounded bursts. */
    private static final long MAX_STEPS_PER_TICK = 50_000;
    /** Pending bytes after which a client that does not read is a slow consumer and is disconnected. */
    private static final int HIGH_WATER_MARK = 16 * 1024 * 1024;

    private final SimulatorConfig config;
    /** The venues served, by path. */
    private final Map<String, Venue> venuesByPath = new LinkedHashMap<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, Transport.ioHandlers());
    private final EventLoop loop = group.next();
    private final SyntheticMarket market;
    private final RestDesk rest;
    private final SplittableRandom faultRandom;
    private final List<Session> sessions = new ArrayList<>();
    /**
     * The sessions as they were when one last opened or closed: what a market step goes through, without copying the
     * list at every step, and undisturbed by a session that closes during the step.
     */
    private Session[] stepped = new Session[0];
    /** Every accepted connection, to close them all when the simulator stops, as a restarting exchange does. */
    private final ChannelGroup connections = new DefaultChannelGroup(loop);
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong marketSteps = new AtomicLong();
    private final Map<Fault, LongAdder> faultsInjected = new EnumMap<>(Fault.class);
    private Channel server;
    /** Paces a fast market between ticks, or null. */
    private MarketPacer pacer;
    private boolean paused;
    private long scheduleStartNanos;
    private long scheduledSteps;

    private Simulator(SimulatorConfig config, List<Venue> venues) {
        this.config = config;
        Map<String, MarketProfile> profiles = new LinkedHashMap<>();
        for (Venue venue : venues) {
            venuesByPath.put(venue.descriptor().simulatorPath(), venue);
            profiles.put(venue.name(), venue.descriptor().market());
        }
        Map<String, Venue> byName = new LinkedHashMap<>();
        venues.forEach(venue -> byName.put(venue.name(), venue));
        this.market = new SyntheticMarket(config.seed(), profiles, (venue, instrument) -> byName.get(venue)
                .lists(instrument));
        this.rest = new RestDesk(market, List.copyOf(venuesByPath.values()), config.restLag());
        this.faultRandom = new SplittableRandom(config.seed() ^ 0x5EED);
        for (Fault fault : Fault.values()) {
            faultsInjected.put(fault, new LongAdder());
        }
    }

    /**
     * Binds the server and starts the market, serving every registered venue.
     *
     * @throws IllegalStateException with the reason when the address cannot be bound
     */
    public static Simulator start(SimulatorConfig config) {
        return start(config, Venues.all());
    }

    /**
     * Binds the server and starts the market, serving these venues: registered or not, such as a test's own.
     *
     * @throws IllegalStateException with the reason when the address cannot be bound
     */
    public static Simulator start(SimulatorConfig config, List<Venue> venues) {
        Simulator simulator = new Simulator(config, venues);
        try {
            simulator.bind();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private void bind() {
        SslContext ssl = config.tls() == null ? null : serverTls(config.tls());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel(loop))
                // Netty's default too, said here because a frame must go out at its flush, not wait for an ack.
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(HIGH_WATER_MARK / 2, HIGH_WATER_MARK))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        if (ssl != null) {
                            channel.pipeline().addLast(ssl.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new HandshakeRouter(Simulator.this));
                    }
                });
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            // Netty would fail with an UnresolvedAddressException, which carries no message.
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port()
                    + ": no such host");
        }
        try {
            server = bootstrap.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), e);
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : IoFailures.systemMessage(e.getMessage());
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + reason,
                    e);
        }
        run(() -> {
            scheduleStartNanos = config.clock().epochNanos();
            loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        });
        if ((long) config.rate() * market.books() >= MarketPacer.STEPS_PER_SECOND) {
            pacer = MarketPacer.start(loop, this::paceMarket);
        }
    }

    private static SslContext serverTls(SimulatorConfig.TlsIdentity identity) {
        try (InputStream in = Files.newInputStream(identity.keyStore())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, identity.password().toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, identity.password().toCharArray());
            return SslContextBuilder.forServer(keys).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key store " + identity.keyStore() + ": " + e.getMessage(), e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The WebSocket URL of a venue's dialect, e.g. {@code ws://127.0.0.1:8765/kraken/v2}. */
    public URI endpoint(String venue) {
        Venue served = served(venue);
        return URI.create((config.tls() == null ? "ws://" : "wss://") + config.host() + ":" + port()
                + served.descriptor().simulatorPath());
    }

    /**
     * The REST endpoint of a venue whose snapshots come over REST, on the same port: e.g.
     * {@code http://127.0.0.1:8765/binance}, below which the venue's requests are answered.
     */
    public URI restEndpoint(String venue) {
        Venue served = served(venue);
        String path = served.descriptor().simulatorRestPath()
                .orElseThrow(() -> new IllegalArgumentException(venue + " serves no snapshots over REST"));
        return URI.create((config.tls() == null ? "http://" : "https://") + config.host() + ":" + port() + path);
    }

    private Venue served(String venue) {
        return venuesByPath.values().stream().filter(served -> served.name().equals(venue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the simulator does not serve " + venue));
    }

    /** The venues served, in the order they were given (the registry's, by default). */
    public List<Venue> venues() {
        return List.copyOf(venuesByPath.values());
    }

    /** The instruments listed, each by the venues whose {@link Venue#lists} says so. */
    public List<Instrument> instruments() {
        return market.instruments();
    }

    /** The instruments the venue lists. */
    public List<Instrument> instruments(String venue) {
        return market.instruments(venue);
    }

    /** How many books the market moves: one per venue and instrument it lists. */
    public int books() {
        return market.books();
    }

    /** The venue served at a request path. */
    Optional<Venue> venueAt(String path) {
        return Optional.ofNullable(venuesByPath.get(path));
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A copy of the simulator's own book: what a client of that venue must end up with. */
    public OrderBook truth(String venue, Instrument instrument) {
        return run(() -> {
            OrderBook truth = market.book(venue, instrument);
            if (truth == null) {
                throw new IllegalArgumentException(venue + " does not list " + instrument);
            }
            OrderBook copy = new OrderBook(truth.venue(), truth.instrument(), truth.pricePrecision());
            for (Side side : Side.values()) {
                for (int i = 0; i < truth.side(side).depth(); i++) {
                    copy.set(side, truth.side(side).price(i), truth.side(side).size(i));
                }
            }
            return copy;
        });
    }

    /** Stops the market (heartbeats go on), so that clients can catch up with a fixed truth. */
    public void pause() {
        run(() -> paused = true);
    }

    /** Restarts the market at its configured rate. */
    public void resume() {
        run(() -> {
            paused = false;
            scheduleStartNanos = config.clock().epochNanos();
            scheduledSteps = 0;
            return null;
        });
    }

    /** Moves the market {@code steps} steps at once (paused or not), sending every update. */
    public void advance(int steps) {
        run(() -> {
            for (int i = 0; i < steps; i++) {
                step(config.clock().epochNanos());
            }
            return null;
        });
    }

    /** Applies a fault to the next update of every connected client of a venue. */
    public void inject(String venue, Fault fault) {
        run(() -> {
            sessions.stream().filter(session -> session.venue().name().equals(venue))
                    .forEach(session -> session.inject(fault));
            return null;
        });
    }

    /** Applies {@code fault} to the venue's next REST snapshot. */
    public void injectSnapshot(String venue, SnapshotFault fault) {
        run(() -> {
            rest.inject(venue, fault);
            return null;
        });
    }

    /** REST snapshot requests answered (or being held back) since start. */
    public long snapshotRequests() {
        return run(rest::requests);
    }

    /** Clients connected now. */
    public int clients() {
        return run(sessions::size);
    }

    /** Frames sent since start. */
    public long framesSent() {
        return framesSent.get();
    }

    /** Faults injected since start, by kind. */
    public Map<Fault, Long> faultsInjected() {
        Map<Fault, Long> counts = new EnumMap<>(Fault.class);
        faultsInjected.forEach((fault, count) -> counts.put(fault, count.sum()));
        return counts;
    }

    /** Market steps since start. */
    public long marketSteps() {
        return marketSteps.get();
    }

    @Override
    public void close() {
        if (pacer != null) {
            pacer.close();
        }
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    // SimContext, for the sessions, on the loop.

    @Override
    public SyntheticMarket market() {
        return market;
    }

    @Override
    public FaultPlan faults() {
        return config.faults();
    }

    @Override
    public SplittableRandom random() {
        return faultRandom;
    }

    @Override
    public long nowNanos() {
        return config.clock().epochNanos();
    }

    @Override
    public void countSent() {
        framesSent.incrementAndGet();
    }

    @Override
    public void countFault(Fault fault) {
        faultsInjected.get(fault).increment();
    }

    @Override
    public FlushProbe flushes() {
        return config.flushes();
    }

    void opened(Session session) {
        sessions.add(session);
        stepped = sessions.toArray(Session[]::new);
        session.onOpen();
    }

    void closed(Session session) {
        sessions.remove(session);
        stepped = sessions.toArray(Session[]::new);
    }

    /** Whether a request path is one of a venue's REST requests; on the loop. */
    boolean answersRest(String path) {
        return rest.answers(path);
    }

    /** The REST paths served, each a venue's, below which its requests are answered. */
    List<String> restPaths() {
        return rest.paths();
    }

    /** Answers a venue's REST request, now or (with a fault) later; on the loop. */
    void answerRest(String path, String query, Consumer<RestAnswer> respond) {
        rest.answer(path, query, nowNanos(), respond);
    }

    private void tick() {
        paceMarket();
        for (Session session : List.copyOf(sessions)) {
            session.tick();
        }
        rest.tick(config.clock().epochNanos());
    }

    /**
     * Makes the market steps due by now, each at the time it was due: the schedule, not the loop, says when a step
     * happened, so that a client measuring from the time its frame carries counts the loop's lateness too.
     */
    private void paceMarket() {
        if (paused || config.rate() == 0) {
            return;
        }
        long booksPerSecond = (long) config.rate() * market.books();
        long due = MarketPace.stepsDue(config.clock().epochNanos() - scheduleStartNanos, booksPerSecond)
                - scheduledSteps;
        for (long i = 1; i <= Math.min(due, MAX_STEPS_PER_TICK); i++) {
            step(scheduleStartNanos + MarketPace.nanosUntil(scheduledSteps + i, booksPerSecond));
        }
        scheduledSteps += Math.max(0, due);
    }

    /** Moves the market one step, which happened at {@code dueNanos}. */
    private void step(long dueNanos) {
        MarketEvent event = market.step();
        marketSteps.incrementAndGet();
        rest.onMarketEvent(event, config.clock().epochNanos());
        for (Session session : stepped) {
            session.onMarketEvent(event, dueNanos);
        }
    }

    private <T> T run(Callable<T> work) {
        if (loop.inEventLoop()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
