package dev.sweep.server;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sweep documents written from the copies of the books in use, by query: a request asking what an earlier one
 * asked, of the very same copies, gets the document written then rather than sweeping and writing it again. A
 * document depends on its query and on the copies it was written from, nothing else (no clock is read: a book's age is
 * that of its copy), so the one kept is, byte for byte, the one that would be written again. New copies start afresh;
 * at most {@value #MAX_QUERIES} documents are kept for a set of copies, so that many different queries cannot fill the
 * heap, and none for copies replaced.
 */
final class SweepDocuments {

    static final int MAX_QUERIES = 64;

    /** The documents of the latest copies of each set of books a sweep takes, by the instruments of the set. */
    private final Map<Set<Instrument>, Written> written = new ConcurrentHashMap<>();

    /**
     * The document {@code write} writes for {@code query} from {@code copies}, written once per query for the same
     * copies.
     *
     * @param copies the copies the document is written from, by instrument, as taken for this request
     * @param query  the request's query, as sent
     */
    Answer answer(Map<Instrument, List<BookView>> copies, String query, Supplier<Answer> write) {
        Written current = written.get(copies.keySet());
        if (current == null || !current.isOf(copies)) {
            current = new Written(copies, new ConcurrentHashMap<>());
            written.put(Set.copyOf(copies.keySet()), current);
        }
        Answer answer = current.answers().get(query);
        if (answer == null) {
            answer = write.get();
            if (current.answers().size() < MAX_QUERIES) {
                current.answers().put(query, answer);
            }
        }
        return answer;
    }

    /** Documents written from one set of copies. */
    private record Written(Map<Instrument, List<BookView>> copies, Map<String, Answer> answers) {

        /** Whether {@code others} are these very copies (the same objects, not merely equal ones). */
        boolean isOf(Map<Instrument, List<BookView>> others) {
            for (Map.Entry<Instrument, List<BookView>> copy : copies.entrySet()) {
                if (others.get(copy.getKey()) != copy.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }
}
