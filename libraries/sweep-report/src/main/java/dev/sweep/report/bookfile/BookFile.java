package dev.sweep.report.bookfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.sweep.core.BookSide;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.core.SweepReport;
import dev.sweep.report.UserInputException;
import dev.sweep.report.VenueTexts;
import dev.sweep.report.render.JsonDocuments;
import dev.sweep.report.render.JsonRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads order books from a book file, the format {@code sweep book --json} writes and {@code --from} reads:
 *
 * <pre>{"books":[{"venue":"kraken","symbol":"BTC-USD","bids":[["67050.1","1.25"],…],"asks":[…]},…]}</pre>
 *
 * <p>Prices and sizes are decimal strings (JSON numbers are accepted too, read from their text, never as doubles).
 * A book may name the sides it holds only the best of, {@code "truncated":["bids","asks"]}: a side the venue sends
 * to a depth, or one written to {@code --depth}; a sweep that runs off its end then says so, as it does live.
 * A file is all or nothing: the first problem stops the read with a {@link UserInputException} that names the file,
 * the book and the level, so no partly-read or inconsistent book is ever swept.
 */
public final class BookFile {

    /** Upper bound on levels per side, so a hostile file cannot exhaust memory. */
    public static final int MAX_LEVELS_PER_SIDE = 1_000_000;

    private static final String TRUNCATED = "truncated";
    private static final Pattern VENUE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxStringLength(10_000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** How Jackson words a repeated key; its message is reworded so that no parser internals reach the user. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    private BookFile() {
    }

    /**
     * Reads the books of one instrument.
     *
     * @return the instrument's books in file order (empty when the file has none for it)
     * @throws UserInputException when the file cannot be read or is not a valid book file
     */
    public static List<OrderBook> read(Path file, Instrument instrument) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Reader(file, JSON.createParser(in), instrument).books();
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read " + file + ": no such file");
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE_KEY.matcher(e.getOriginalMessage());
            if (duplicate.matches()) {
                throw new UserInputException(file + ": the key \"" + duplicate.group(1) + "\" appears twice in one object ("
                        + location(e) + ")");
            }
            throw new UserInputException(file + ": malformed JSON at " + location(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "an unknown place"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /**
     * Writes books in the book-file format, best levels first, at most {@code depth} per side, decimals as strings:
     * what {@code sweep book --json} prints and {@code --from} reads back.
     */
    public static String write(List<OrderBook> books, int depth) {
        return write(books, depth, json -> { });
    }

    /**
     * As {@link #write(List, int)}, one book converted into its symbol's currency ({@code sweep book} of a venue that
     * lists only USDT books), naming after its symbol the currency it quotes in and the rates of its sides, which a
     * reader passes over: read back, it is a book of the symbol at those rates.
     */
    public static String write(OrderBook converted, int depth, ConversionRate bidRate, ConversionRate askRate) {
        return write(List.of(converted), depth, json -> JsonRenderer.writeConversions(json, converted.instrument(),
                bidRate, askRate));
    }

    private static String write(List<OrderBook> books, int depth, JsonDocuments.Content annotation) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("books");
            for (OrderBook book : books) {
                json.writeStartObject();
                json.writeStringField("venue", book.venue());
                json.writeStringField("symbol", book.instrument().symbol());
                annotation.write(json);
                writeTruncated(json, book, depth);
                writeSide(json, "bids", book.bids(), book.instrument(), depth);
                writeSide(json, "asks", book.asks(), book.instrument(), depth);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Names the sides that hold less than the venue's whole side: truncated by its feed, or cut to {@code depth}. */
    private static void writeTruncated(JsonGenerator json, OrderBook book, int depth) throws IOException {
        boolean bids = book.bids().isTruncated() || book.bids().depth() > depth;
        boolean asks = book.asks().isTruncated() || book.asks().depth() > depth;
        if (!bids && !asks) {
            return;
        }
        json.writeArrayFieldStart(TRUNCATED);
        if (bids) {
            json.writeString("bids");
        }
        if (asks) {
            json.writeString("asks");
        }
        json.writeEndArray();
    }

    private static void writeSide(JsonGenerator json, String name, BookSide side, Instrument instrument, int depth)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (int i = 0; i < Math.min(depth, side.depth()); i++) {
            json.writeStartArray();
            json.writeString(FixedPoint.format(side.price(i), instrument.priceScale()));
            json.writeString(FixedPoint.format(side.size(i), instrument.sizeScale()));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** Lists the symbols a file has books for, to help the user when the requested one is missing. */
    public static List<String> symbols(Path file) {
        List<String> symbols = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            JsonParser parser = JSON.createParser(in);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "symbol".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING && !symbols.contains(parser.getText())) {
                    symbols.add(parser.getText());
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return symbols;
    }

    /** One pass over one file. */
    private static final class Reader {

        private final Path file;
        private final JsonParser parser;
        private final Instrument instrument;

        Reader(Path file, JsonParser parser, Instrument instrument) {
            this.file = file;
            this.parser = parser;
            this.instrument = instrument;
        }

        List<OrderBook> books() throws IOException {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the file must hold a JSON object with \"books\"");
            List<OrderBook> books = new ArrayList<>();
            boolean sawBooks = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("books".equals(field)) {
                    sawBooks = true;
                    readBooks(books);
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawBooks) {
                throw problem("no \"books\" array");
            }
            if (parser.nextToken() != null) {
                throw problem("unexpected content after the top-level object");
            }
            return books;
        }

        private void readBooks(List<OrderBook> books) throws IOException {
            expect(parser.currentToken(), JsonToken.START_ARRAY, "\"books\" must be an array");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser.currentToken(), JsonToken.START_OBJECT, "each book must be an object");
                BookEntry entry = readBook(books.size());
                if (entry.symbol().equals(instrument.symbol())) {
                    for (OrderBook other : books) {
                        if (other.venue().equals(entry.book().venue())) {
                            throw problem("two " + instrument + " books for venue " + other.venue());
                        }
                    }
                    books.add(entry.book());
                }
            }
        }

        private record BookEntry(String symbol, OrderBook book) {
        }

        private BookEntry readBook(int index) throws IOException {
            String venue = null;
            String symbol = null;
            SideLevels bids = null;
            SideLevels asks = null;
            Set<Side> truncated = EnumSet.noneOf(Side.class);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "venue" -> venue = text(value, "venue");
                    case "symbol" -> symbol = text(value, "symbol");
                    case "bids" -> bids = levels("bids");
                    case "asks" -> asks = levels("asks");
                    case TRUNCATED -> truncated = truncatedSides();
                    default -> parser.skipChildren();
                }
            }
            String where = "books[" + index + "]";
            if (venue == null || symbol == null || bids == null || asks == null) {
                throw problem(where + " needs \"venue\", \"symbol\", \"bids\" and \"asks\"");
            }
            if (!VENUE.matcher(venue).matches()) {
                throw problem(where + ": venue '" + venue + "' must be a lower-case name such as "
                        + VenueTexts.example());
            }
            if (venue.equals(SweepReport.MERGED)) {
                // Every output calls the merged report so (the CSV's venue column, the fills): a venue by that name
                // could be told from it only by where it stands.
                throw problem(where + ": venue '" + venue + "' is the merged report's name: call the venue something"
                        + " else");
            }
            Instrument bookInstrument;
            try {
                bookInstrument = Instrument.of(symbol);
            } catch (IllegalArgumentException e) {
                throw problem(where + ": " + e.getMessage());
            }
            if (!bookInstrument.symbol().equals(instrument.symbol())) {
                return new BookEntry(bookInstrument.symbol(), null);
            }
            OrderBook book = build(venue, bids, asks);
            book.bids().setTruncated(truncated.contains(Side.BID));
            book.asks().setTruncated(truncated.contains(Side.ASK));
            return new BookEntry(instrument.symbol(), book);
        }

        private OrderBook build(String venue, SideLevels bids, SideLevels asks) {
            String name = venue + " " + instrument;
            OrderBook book = new OrderBook(venue, instrument, Math.min(instrument.priceScale(),
                    Math.max(bids.decimals(), asks.decimals())));
            load(book, Side.BID, bids, name + " bids");
            load(book, Side.ASK, asks, name + " asks");
            if (book.isCrossed()) {
                throw problem("the " + name + " book is crossed: best bid "
                        + FixedPoint.format(book.bestBid(), instrument.priceScale()) + " >= best ask "
                        + FixedPoint.format(book.bestAsk(), instrument.priceScale()));
            }
            return book;
        }

        private void load(OrderBook book, Side side, SideLevels levels, String where) {
            String levelProblem = levels.loadInto(book, side, where);
            if (levelProblem != null) {
                throw problem(levelProblem);
            }
        }

        private SideLevels levels(String name) throws IOException {
            expect(parser.currentToken(), JsonToken.START_ARRAY, "\"" + name + "\" must be an array of [price, size]");
            SideLevels levels = new SideLevels(instrument);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser.currentToken(), JsonToken.START_ARRAY, "each of \"" + name + "\" must be [price, size]");
                String price = decimal(parser.nextToken(), name);
                String size = decimal(parser.nextToken(), name);
                expect(parser.nextToken(), JsonToken.END_ARRAY, "each of \"" + name + "\" must be [price, size]");
                if (levels.count() == MAX_LEVELS_PER_SIDE) {
                    throw problem("more than " + MAX_LEVELS_PER_SIDE + " " + name + " in one book");
                }
                levels.add(price, size);
            }
            return levels;
        }

        private Set<Side> truncatedSides() throws IOException {
            String message = "\"truncated\" must be an array of \"bids\" and \"asks\"";
            expect(parser.currentToken(), JsonToken.START_ARRAY, message);
            Set<Side> sides = EnumSet.noneOf(Side.class);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser.currentToken(), JsonToken.VALUE_STRING, message);
                switch (parser.getText()) {
                    case "bids" -> sides.add(Side.BID);
                    case "asks" -> sides.add(Side.ASK);
                    default -> throw problem(message + ", not '" + UserInputException.excerpt(parser.getText()) + "'");
                }
            }
            return sides;
        }

        private String decimal(JsonToken token, String name) throws IOException {
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getText();
            }
            throw problem("each of \"" + name + "\" must be [price, size] with decimal strings");
        }

        private String text(JsonToken token, String field) throws IOException {
            expect(token, JsonToken.VALUE_STRING, "\"" + field + "\" must be a string");
            return parser.getText();
        }

        private void expect(JsonToken actual, JsonToken expected, String message) {
            if (actual != expected) {
                throw problem(message);
            }
        }

        private UserInputException problem(String message) {
            return new UserInputException(file + ": " + message + " (line " + parser.currentLocation().getLineNr()
                    + ")");
        }
    }
}
