package dev.sweep.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.UpdateFault;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's Binance: its answers as the documentation writes them, its faults as Binance's would show. */
class BinanceServerSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Instrument ETH_USDT = Instrument.of("ETH-USDT");

    private final DialectHarness server = new DialectHarness(new BinanceVenue(), "BTC-USDT", "ETH-USDT");

    @Test
    void aSubscriptionIsAcknowledgedAsDocumented() throws Exception {
        server.connect();

        assertThat(server.subscribe(List.of(BTC_USDT, ETH_USDT))).hasSize(1).allSatisfy(answer ->
                assertThat(JSON.readTree(answer)).isEqualTo(fixture("subscribe_response.json")));
    }

    @Test
    void theDocumentedRequestIsUnderstoodUpToItsTradeStream() throws Exception {
        server.connect();

        assertThat(server.request(VenueHarness.resource("binance/subscribe_request.json")))
                .containsExactly("{\"code\":2,\"msg\":\"Invalid request: unknown stream btcusdt@aggTrade\",\"id\":1}");
    }

    @Test
    void badRequestsGetTheDocumentedErrors() throws Exception {
        server.connect();
        String tooMany = "{\"method\":\"SUBSCRIBE\",\"params\":[" + String.join(",",
                Collections.nCopies(1025, "\"btcusdt@depth@100ms\"")) + "],\"id\":7}";

        assertThat(JSON.readTree(server.request(tooMany).get(0)).get("msg"))
                .isEqualTo(fixture("error_too_many_parameters.json").get("msg"));
        assertThat(server.request("{\"method\":\"SUBSCRIB\",\"params\":[],\"id\":2}")).containsExactly(
                "{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIB`, expected one of `SUBSCRIBE`,"
                        + " `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`\",\"id\":2}");
        assertThat(server.request("{\"params\":[],\"id\":3}"))
                .containsExactly("{\"code\":2,\"msg\":\"Invalid request: missing field `method`\",\"id\":3}");
        assertThat(JSON.readTree(server.request("{\"method\":").get(0)).get("code").asInt()).isEqualTo(3);
    }

    @Test
    void eventsAreShapedAsDocumentedAndALostOneBreaksTheChain() throws Exception {
        server.connect();
        server.subscribe(List.of(BTC_USDT));

        JsonNode first = JSON.readTree(server.change(BTC_USDT, List.of(bid("67000.10", "1"), bid("67000.00", "2")))
                .get(0));
        server.failNext(UpdateFault.LOST);
        assertThat(server.change(BTC_USDT, List.of(bid("67000.10", "0")))).isEmpty();
        JsonNode third = JSON.readTree(server.change(BTC_USDT, List.of(bid("66999.90", "3"))).get(0));

        assertThat(first.get("e").asText()).isEqualTo("depthUpdate");
        assertThat(first.get("s").asText()).isEqualTo("BTCUSDT");
        assertThat(List.of(first.get("U").asLong(), first.get("u").asLong(), third.get("U").asLong(),
                third.get("u").asLong())).containsExactly(1L, 2L, 4L, 4L);
        assertThat(first.get("b").toString()).isEqualTo("[[\"67000.1\",\"1\"],[\"67000\",\"2\"]]");
    }

    @Test
    void theRestDepthIsCutToItsLimitAndRefusesAnUnknownSymbol() throws Exception {
        server.connect();
        server.subscribe(List.of(BTC_USDT));
        server.change(BTC_USDT, List.of(bid("67000.10", "1"), bid("67000.00", "2")));
        RestSnapshots rest = new BinanceVenue().restSnapshots().orElseThrow();

        JsonNode one = JSON.readTree(rest.answer("/api/v3/depth?symbol=BTCUSDT&limit=1", server, 0).body());
        RestAnswer unknown = rest.answer("/api/v3/depth?symbol=PUPSUSDT&limit=5000", server, 0);

        assertThat(one.get("lastUpdateId").asLong()).isEqualTo(2);
        assertThat(one.get("bids").toString()).isEqualTo("[[\"67000.1\",\"1\"]]");
        assertThat(unknown).isEqualTo(new RestAnswer(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
    }

    private static Level bid(String price, String size) {
        return new Level(Side.BID, FixedPoint.parse(price, BTC_USDT.priceScale()),
                FixedPoint.parse(size, BTC_USDT.sizeScale()));
    }

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(VenueHarness.resource("binance/" + name));
    }
}
