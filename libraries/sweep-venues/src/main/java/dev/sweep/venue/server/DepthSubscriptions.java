package dev.sweep.venue.server;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The {@link DepthSubscription}s of one client connection, one per instrument, in the order they were made: the
 * first step every depth-limited dialect takes when the truth changes (is the instrument subscribed, and did a level
 * its client sees change?) is here, and what it then sends is the dialect's.
 */
public final class DepthSubscriptions {

    private final Map<Instrument, DepthSubscription> byInstrument = new LinkedHashMap<>();

    /** Subscribes the instrument, replacing any subscription it had. */
    public void put(Instrument instrument, DepthSubscription subscription) {
        byInstrument.put(instrument, subscription);
    }

    public Collection<DepthSubscription> all() {
        return byInstrument.values();
    }

    /**
     * Brings the instrument's subscription up to the truth in {@code context}, which {@code changes} moved (see
     * {@link DepthView#follow}), and hands it, with the levels its client sees change, to {@code changed}; does nothing
     * when the instrument is not subscribed or no level the client sees changed (a change beyond the depth), as the
     * venue then sends nothing.
     */
    public void follow(Instrument instrument, List<Level> changes, ServerContext context,
                       BiConsumer<DepthSubscription, List<Level>> changed) {
        DepthSubscription subscription = byInstrument.get(instrument);
        if (subscription == null) {
            return;
        }
        List<Level> visible = subscription.view().follow(context.book(instrument), changes);
        if (!visible.isEmpty()) {
            changed.accept(subscription, visible);
        }
    }
}
