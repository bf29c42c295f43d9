package dev.sweep.feed;

import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueDescriptor;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A venue as another, in everything but its descriptor: how a test changes one rule of a real venue (a shorter
 * connection life, no keep-alive) and keeps its wire, its books and its simulator side. What a venue answers in code
 * is passed on; what the {@link Venue} interface derives from the descriptor (endpoints, fee, depth, silence) comes
 * from the new one, so that the copy differs from the venue only where its descriptor does.
 */
record RedescribedVenue(Venue venue, VenueDescriptor descriptor) implements Venue {

    @Override
    public Set<String> quoteCurrencies() {
        return venue.quoteCurrencies();
    }

    @Override
    public int pricePrecision(Instrument instrument) {
        return venue.pricePrecision(instrument);
    }

    @Override
    public Map<String, Integer> priceDecimals() {
        return venue.priceDecimals();
    }

    @Override
    public String integrity() {
        return venue.integrity();
    }

    @Override
    public boolean carriesChecksum() {
        return venue.carriesChecksum();
    }

    @Override
    public Optional<RestSnapshots> restSnapshots() {
        return venue.restSnapshots();
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return venue.subscribeMessages(instruments);
    }

    @Override
    public String heartbeatAnswer(long id) {
        return venue.heartbeatAnswer(id);
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return venue.newAdapter(books);
    }

    @Override
    public VenueBooks newBooks(List<Instrument> instruments, FeedListener listener) {
        return venue.newBooks(instruments, listener);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return venue.newServerSession(context);
    }
}
