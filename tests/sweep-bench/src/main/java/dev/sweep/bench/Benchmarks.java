package dev.sweep.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.Main;

/**
 * The benchmark jar's entry point: JMH's command line, with the venues of the benchmarks that run once per venue
 * ({@code @Param venue}) taken from the registry, unless the command names them ({@code -p venue=kraken}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        if (jmhArgs.stream().noneMatch(arg -> arg.startsWith("venue="))) {
            jmhArgs.add("-p");
            jmhArgs.add("venue=" + String.join(",", DecodeBenchmark.venues()));
        }
        Main.main(jmhArgs.toArray(String[]::new));
    }
}
