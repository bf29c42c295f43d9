package dev.sweep.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random faults: for each outgoing update, each fault fires with its probability. Parsed from
 * {@code drop=0.01,gap=0.001}; empty means a well-behaved exchange.
 */
public final class FaultPlan {

    /** No random faults. */
    public static final FaultPlan NONE = new FaultPlan(Map.of());

    private final Map<Fault, Double> probabilities;

    private FaultPlan(Map<Fault, Double> probabilities) {
        EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
        copy.putAll(probabilities);
        this.probabilities = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code fault=probability[,…]}.
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown fault or a probability outside [0, 1]
     */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
        for (String entry : text.split(",")) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("fault '" + entry + "' must be NAME=PROBABILITY, e.g. drop=0.01");
            }
            Fault fault = Fault.of(entry.substring(0, equals).trim());
            double probability;
            try {
                probability = Double.parseDouble(entry.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault probability '" + entry.substring(equals + 1)
                        + "' is not a number");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("fault probability must be between 0 and 1: " + entry);
            }
            probabilities.put(fault, probability);
        }
        return new FaultPlan(probabilities);
    }

    /** The fault to inject on the next update, or null; at most one per update. */
    public Fault draw(SplittableRandom random) {
        for (Map.Entry<Fault, Double> entry : probabilities.entrySet()) {
            if (entry.getValue() > 0 && random.nextDouble() < entry.getValue()) {
                return entry.getKey();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        probabilities.forEach((fault, probability) -> {
            if (probability > 0) {
                text.append(text.length() == 0 ? "" : ",").append(fault.label()).append('=').append(probability);
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }
}
