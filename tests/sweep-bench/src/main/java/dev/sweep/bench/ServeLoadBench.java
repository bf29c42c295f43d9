package dev.sweep.bench;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.server.FileBooks;
import dev.sweep.server.ServerConfig;
import dev.sweep.server.SweepServer;
import dev.sweep.venue.Venues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * {@code /api/v1/sweep} under load on loopback: the server over three 1,000-level books in this JVM, and a load client
 * ({@link ServeLoadClient}) in a JVM of its own, sweeping 15 BTC as fast as the answers come. Reports requests per
 * second, the latency from sending a request to reading its whole answer, the CPU time a request took in the
 * server's JVM and in the client's, and the bytes the server allocated for it, for the sweep and, first, for {@code /api/v1/health} in the same run: the baseline
 * of the HTTP stack and a small JSON answer, without the sweep (the books, a file's, are taken once). Only answers with
 * status 200 count; any other is a failure. The server and the client share the machine's cores: what the client takes, the server
 * lacks, which is why the client is a lean one and why its CPU time is shown.
 *
 * <p>By default 64 requests are in flight, 4 pipelined on each of 16 keep-alive connections: requests that arrive
 * together are answered together, in one write, which on 2 cores shared by server and client halves the system time per
 * request; {@code 64 1} gives one request per connection at a time.
 *
 * <p>Run from the repository root: {@code java -cp tests/sweep-bench/target/benchmarks.jar
 * dev.sweep.bench.ServeLoadBench [SECONDS] [CONNECTIONS] [PIPELINED]} (each endpoint is warmed up for up to 3 s, then
 * measured for SECONDS; CONNECTIONS × PIPELINED requests in flight).
 */
public final class ServeLoadBench {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final int LEVELS = 1_000;
    static final String PATH = "/api/v1/sweep?side=sell&qty=15";
    static final String BASELINE = "/api/v1/health";
    /**
     * The same sweep with a new quantity each time (15.1, 15.2, …): a query the server has not answered for these
     * copies of the books, so that every answer is swept and written, not the document of the same query reused.
     */
    static final String NEW_EACH_TIME = "/api/v1/sweep?side=sell&qty=15." + ServeLoadClient.COUNTER;
    private static final int WARM_UP_SECONDS = 3;
    /** The client's collector: the serial one, whose work is all on the client's own threads, none concurrent. */
    private static final List<String> CLIENT_JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC");

    private ServeLoadBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int pipelined = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.println(run(seconds, connections, pipelined));
    }

    static String run(int seconds, int connections, int pipelined) throws IOException, InterruptedException {
        Path file = Files.createTempFile("sweep-load", ".json");
        try (SweepServer server = serve(file)) {
            int port = server.uri().getPort();
            Measured baseline = measure(port, BASELINE, seconds, connections, pipelined);
            Measured sweep = measure(port, PATH, seconds, connections, pipelined);
            Measured swept = measure(port, NEW_EACH_TIME, seconds, connections, pipelined);
            return String.format(Locale.ROOT, "%s on loopback over three %,d-level books, %d s, %d in flight"
                            + " (%d connections, %d pipelined on each, the client in a JVM of its own):%n"
                            + "- baseline %s%n- the same query each time (its document reused while the books'"
                            + " copies are the same) %s%n- a new quantity each time (every answer swept and"
                            + " written) %s", PATH, LEVELS, seconds, connections * pipelined, connections,
                    pipelined, baseline.line(0), sweep.line(baseline.rate()), swept.line(baseline.rate()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Serves three books of {@value #LEVELS} levels a side from {@code file}, as many as the sweep benchmarks use,
     * named after the first registered venues.
     */
    static SweepServer serve(Path file) throws IOException {
        List<String> venues = Venues.names().subList(0, 3);
        Files.writeString(file, BookFile.write(List.of(book(venues.get(0), 1), book(venues.get(1), 2),
                book(venues.get(2), 3)), Integer.MAX_VALUE));
        return SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file, List.of(),
                List.of()));
    }

    /**
     * Loads the endpoint from a client process ({@link ServeLoadClient}) for up to {@value #WARM_UP_SECONDS} s, then
     * measures it for {@code seconds}, with the CPU time this JVM, the server's, takes meanwhile.
     */
    static Measured measure(int port, String path, int seconds, int connections, int pipelined)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CLIENT_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServeLoadClient.class.getName(),
                ServerConfig.LOOPBACK, Integer.toString(port), path, Integer.toString(Math.min(WARM_UP_SECONDS,
                        seconds)), Integer.toString(seconds), Integer.toString(connections),
                Integer.toString(pipelined)));
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Its result is its last line: the libraries it shares with the server may log to its standard output too.
        List<String> lines = new ArrayList<>();
        long measuredFrom = -1;
        Map<Long, Long> allocatedFrom = Map.of();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.equals(ServeLoadClient.MEASURING)) {
                    measuredFrom = cpuTime();
                    allocatedFrom = allocated();
                } else {
                    lines.add(line);
                }
            }
        }
        // Until the client has ended: after its last answer the server is idle.
        long serverCpu = measuredFrom < 0 ? -1 : cpuTime() - measuredFrom;
        long serverAllocated = allocatedSince(allocatedFrom);
        String answer = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        String[] fields = answer.split(" ");
        if (client.waitFor() != 0 || fields.length != 4 || serverCpu < 0) {
            throw new IllegalStateException("the load client of " + path + " failed (exit " + client.exitValue()
                    + "): " + String.join("\n", lines));
        }
        try {
            return new Measured(path, seconds, Long.parseLong(fields[1]), Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(fields[3])), 0), serverCpu, Long.parseLong(fields[2]),
                    serverAllocated);
        } catch (DataFormatException e) {
            throw new IllegalStateException("the load client of " + path + " wrote no histogram: " + answer, e);
        }
    }

    /**
     * One endpoint's load.
     *
     * @param failed          answers with a status other than 200
     * @param latency         the latencies of the answers with status 200, in nanoseconds
     * @param serverCpuNanos  the CPU time the server's JVM took over the measured seconds
     * @param clientCpuNanos  the CPU time the client's JVM took over the measured seconds
     * @param serverAllocated the bytes the server's threads allocated over the measured seconds: like the CPU time,
     *                        a figure that holds on a busy machine, and one that does not vary from run to run
     */
    record Measured(String path, int seconds, long failed, Histogram latency, long serverCpuNanos,
                    long clientCpuNanos, long serverAllocated) {

        double rate() {
            return (double) latency.getTotalCount() / seconds;
        }

        /**
         * The run in one line, with the ratio of its requests per second to {@code baselineRate} unless that is 0, and
         * the CPU time of a request in each JVM: figures that hold on a machine whose other work takes part of the
         * cores, where requests per second do not.
         */
        String line(double baselineRate) {
            double answered = Math.max(1, latency.getTotalCount());
            return String.format(Locale.ROOT, "%s: %,.0f requests/s (%,d failed)%s; latency (ms): p50 %.2f, p90"
                            + " %.2f, p99 %.2f, p99.9 %.2f, max %.2f; CPU a request (µs): server %.0f, client %.0f;"
                            + " allocated a request in the server: %.1f KB",
                    path, rate(), failed, baselineRate > 0 ? String.format(Locale.ROOT, ", %.2f× the baseline's",
                            rate() / baselineRate) : "",
                    millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                    latency.getMaxValue() / 1e6, serverCpuNanos / 1e3 / answered, clientCpuNanos / 1e3 / answered,
                    serverAllocated / 1e3 / answered);
        }
    }

    /** The bytes each thread of this JVM, the server's, has allocated so far, by thread id. */
    private static Map<Long, Long> allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return allocated;
    }

    /** The bytes allocated since {@code before} by the threads alive now (a thread started since, all its bytes). */
    private static long allocatedSince(Map<Long, Long> before) {
        long since = 0;
        for (Map.Entry<Long, Long> thread : allocated().entrySet()) {
            since += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return since;
    }

    /** The CPU time this JVM, the server's, has taken so far, in nanoseconds. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** A book of {@value #LEVELS} levels a side around 67,000, one tick apart, seeded sizes. */
    private static OrderBook book(String venue, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(venue, BTC_USD, 2);
        long tick = BTC_USD.parsePrice("0.01");
        long mid = BTC_USD.parsePrice("67000");
        for (int i = 1; i <= LEVELS; i++) {
            book.set(Side.BID, mid - i * tick, BTC_USD.parseSize(String.format(Locale.ROOT, "%.4f",
                    0.01 + random.nextDouble(2))));
            book.set(Side.ASK, mid + i * tick, BTC_USD.parseSize(String.format(Locale.ROOT, "%.4f",
                    0.01 + random.nextDouble(2))));
        }
        return book;
    }
}
