package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sweep.core.Instrument;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.RestRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VenueDescriptorTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final MarketProfile MARKET = new MarketProfile(2, 10, 100, 200, 50);

    /**
     * Binance closes a connection at 24 h, so it is replaced ten minutes before; a life shorter than twenty minutes
     * is replaced halfway; a venue with no limit is never replaced for its age.
     */
    @Test
    void aConnectionIsReplacedTenMinutesBeforeTheVenuesLimitOrHalfwayThroughAShortLife() {
        VenueDescriptor binance = Venues.byName("binance").orElseThrow().descriptor();

        assertThat(binance.connectionLife()).isEqualTo(Duration.ofHours(24));
        assertThat(binance.plannedReconnect()).hasValue(Duration.ofHours(24).minusMinutes(10));
        assertThat(binance.withConnectionLife(Duration.ofSeconds(2)).plannedReconnect())
                .hasValue(Duration.ofSeconds(1));
        assertThat(Venues.byName("kraken").orElseThrow().descriptor().plannedReconnect()).isEmpty();
    }

    @Test
    void symbolFormatsWriteWhatTheNextVenuesExpect() {
        assertThat(SymbolFormat.upperCase("/").format(BTC_USD)).isEqualTo("BTC/USD");
        assertThat(SymbolFormat.upperCase("").format(BTC_USD)).isEqualTo("BTCUSD");
        assertThat(new SymbolFormat("t", "", false).format(BTC_USD)).isEqualTo("tBTCUSD");
        assertThat(new SymbolFormat("", "", true).format(BTC_USD)).isEqualTo("btcusd");
        assertThat(new SymbolFormat("", "_", false).format(Instrument.of("BTC-USDT"))).isEqualTo("BTC_USDT");
    }

    @Test
    void keepAliveRulesSayWhatToSendAndWhen() {
        assertThat(KeepAlive.textPing("ping", Duration.ofSeconds(25)))
                .isEqualTo(new KeepAlive(KeepAlive.Rule.TEXT_PING, "ping", Duration.ofSeconds(25)));
        assertThat(KeepAlive.jsonPing("{\"op\":\"ping\"}", Duration.ofSeconds(20)).message())
                .isEqualTo("{\"op\":\"ping\"}");
        assertThat(KeepAlive.answerHeartbeat(Duration.ofSeconds(5)).rule())
                .isEqualTo(KeepAlive.Rule.ANSWER_HEARTBEAT);
        assertThatThrownBy(() -> KeepAlive.textPing("", Duration.ofSeconds(25)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeepAlive.textPing("ping", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeepAlive(KeepAlive.Rule.NONE, "", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPingIsDueOnceTheConnectionWasQuietForTheInterval() {
        KeepAlive okx = KeepAlive.textPing("ping", Duration.ofSeconds(20));
        long quietSince = Duration.ofHours(1).toNanos();

        assertThat(Stream.of(0, 19, 20, 21).map(seconds -> okx.pingDue(quietSince,
                quietSince + Duration.ofSeconds(seconds).toNanos()))).containsExactly(false, false, true, true);
        assertThat(Stream.of(KeepAlive.NONE, KeepAlive.answerHeartbeat(Duration.ofSeconds(5)))
                .map(rule -> rule.pingDue(quietSince, quietSince + Duration.ofHours(1).toNanos())))
                .containsExactly(false, false);
    }

    @Test
    void onlyBooksWithoutAnyCheckAreUnverified() {
        assertThat(Integrity.values()).filteredOn(integrity -> !integrity.isVerified())
                .containsExactly(Integrity.NONE);
        assertThat(Integrity.values()).filteredOn(Integrity::detectsCorruption).containsExactly(Integrity.CHECKSUM);
    }

    @Test
    void theSimulatorServesAVenueAtItsNameThenItsOwnPath() {
        assertThat(descriptor("okx", "wss://ws.okx.com:8443/ws/v5/public").simulatorPath())
                .isEqualTo("/okx/ws/v5/public");
        assertThat(descriptor("bybit", "wss://stream.bybit.com").simulatorPath()).isEqualTo("/bybit");
    }

    @Test
    void theSimulatorServesARestEndpointAtTheVenuesNameThenItsPathOnTheSamePort() {
        VenueDescriptor binance = new VenueDescriptor("binance", URI.create("wss://stream.binance.com:9443/ws"),
                Optional.of(URI.create("https://api.binance.com")), SymbolFormat.upperCase(""), 0, 0,
                Integrity.ID_RANGE, KeepAlive.NONE, Duration.ofSeconds(5), MARKET);
        VenueDescriptor bitstamp = new VenueDescriptor("bitstamp", URI.create("wss://ws.bitstamp.net"),
                Optional.of(URI.create("https://www.bitstamp.net/api/v2/")), new SymbolFormat("", "", true), 0, 0,
                Integrity.NONE, KeepAlive.NONE, Duration.ofSeconds(5), MARKET);

        assertThat(binance.simulatorRestPath()).hasValue("/binance");
        assertThat(bitstamp.simulatorRestPath()).hasValue("/bitstamp/api/v2");
        assertThat(descriptor("kraken", "wss://ws.kraken.com/v2").simulatorRestPath()).isEmpty();
    }

    @Test
    void aRestRequestIsItsPathAndItsDecodedParameters() {
        RestRequest request = RestRequest.parse("/api/v3/depth?symbol=BTC%2DUSD&limit=5000&limit=1&flag");

        assertThat(request.path()).isEqualTo("/api/v3/depth");
        assertThat(request.parameters()).containsExactly(entry("symbol", "BTC-USD"), entry("limit", "5000"),
                entry("flag", ""));
        assertThat(RestRequest.parse("/depth").parameters()).isEmpty();
        assertThat(RestRequest.parse("/depth?symbol=%E0%A4%A").parameter("symbol")).hasValue("%E0%A4%A");
    }

    @Test
    void aNameIsLowerCaseLettersAndDigits() {
        assertThatThrownBy(() -> descriptor("Crypto.com", "wss://example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Crypto.com'");
    }

    @Test
    void everyRegisteredVenueNamesItselfInItsSymbolsAndServesTheSimulatorOnItsOwnPath() {
        for (Venue venue : Venues.all()) {
            assertThat(venue.symbol(BTC_USD)).as(venue.name()).contains("BTC");
            assertThat(venue.descriptor().simulatorPath()).as(venue.name()).startsWith("/" + venue.name());
        }
        assertThat(Venues.all().stream().map(venue -> venue.descriptor().simulatorPath()).distinct())
                .hasSameSizeAs(Venues.all());
    }

    @Test
    void aVenueSaysWhichQuoteCurrenciesItListsInUpperCase() {
        assertThat(Venues.byName("kraken").orElseThrow().quoteCurrencies()).containsExactlyInAnyOrder("USD", "USDT");
        assertThat(Venues.byName("coinbase").orElseThrow().quoteCurrencies())
                .containsExactlyInAnyOrder("USD", "USDT");
        assertThat(Venues.byName("gemini").orElseThrow().quoteCurrencies()).containsExactly("USD");
        assertThat(Venues.quoteCurrencies()).containsExactlyInAnyOrder("USD", "USDT");
        assertThat(Venues.all()).allSatisfy(venue -> assertThat(venue.quoteCurrencies()).isNotEmpty()
                .allSatisfy(quote -> assertThat(quote).matches("[A-Z0-9]+")));
    }

    /**
     * OKX and Bybit tick BTC at 0.1 and their other books at the cent, Binance every book at the cent; an instrument
     * kept at fewer decimals shows no more than it keeps.
     */
    @Test
    void pricesShowTheDecimalsOfTheVenuesTickForTheBaseOrTheCentWithinThePriceScale() {
        Instrument btcUsdt = Instrument.of("BTC-USDT");
        Instrument ethUsdt = Instrument.of("ETH-USDT");
        Instrument tenths = new Instrument("ETH-USDT", "ETH", "USDT", 1, Instrument.DEFAULT_SIZE_SCALE);

        assertThat(Stream.of("okx", "bybit", "binance").map(name -> Venues.byName(name).orElseThrow())
                .map(venue -> List.of(venue.pricePrecision(btcUsdt), venue.pricePrecision(ethUsdt),
                        venue.pricePrecision(tenths))))
                .containsExactly(List.of(1, 2, 1), List.of(1, 2, 1), List.of(2, 2, 1));
    }

    /** A rate book (one quote currency in another) is listed only by a venue quoting in both. */
    @Test
    void aVenueListsTheRateBookOnlyWhenItQuotesInBothCurrencies() {
        Instrument rateBook = Instrument.of("USDT-USD");

        assertThat(Venues.listing(rateBook)).extracting(Venue::name).containsExactly("kraken", "coinbase");
        assertThat(Venues.listing(Instrument.of("BTC-USDT"))).extracting(Venue::name)
                .containsExactly("kraken", "coinbase", "binance", "bybit", "okx");
        assertThat(Venues.listing(Instrument.of("BTC-USD"))).extracting(Venue::name)
                .containsExactly("kraken", "coinbase", "gemini");
    }

    private static VenueDescriptor descriptor(String name, String webSocket) {
        return new VenueDescriptor(name, URI.create(webSocket), Optional.empty(), SymbolFormat.upperCase("-"), 0, 0,
                Integrity.NONE, KeepAlive.NONE, Duration.ofSeconds(5), MARKET);
    }
}
