package dev.sweep.report;

import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The registered venues as help texts and messages name them, so that no command names a venue of its own and a
 * venue added to the registry is in every help text: a resource bundle whose entries the help interpolates
 * ({@code ${bundle:venues.list}}), and the same texts for messages.
 */
public final class VenueTexts extends ListResourceBundle {

    /** The registered venues, comma-separated as an option takes them: {@code kraken,coinbase,gemini}. */
    public static String list() {
        return String.join(",", Venues.names());
    }

    /** The registered venues in a sentence: {@code kraken, coinbase or gemini}. */
    public static String choice() {
        List<String> names = Venues.names();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The venue an example names: the first registered. */
    public static String example() {
        return Venues.names().get(0);
    }

    /** The second venue of an example that names two: the second registered, or the first if it is alone. */
    public static String other() {
        List<String> names = Venues.names();
        return names.get(Math.min(1, names.size() - 1));
    }

    /** An example of {@code --endpoint}: the example venue at its path on a simulator on this machine. */
    public static String endpoint() {
        Venue venue = Venues.all().get(0);
        return venue.name() + "=ws://127.0.0.1:9001" + venue.descriptor().simulatorPath();
    }

    /** Keys with a dot, so that none is taken for an option's description (picocli looks those up by name). */
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"venues.list", list()},
            {"venues.choice", choice()},
            {"venue.example", example()},
            {"venue.other", other()},
            {"venue.endpoint", endpoint()},
        };
    }
}
