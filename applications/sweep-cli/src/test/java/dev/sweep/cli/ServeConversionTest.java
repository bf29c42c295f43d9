package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.server.FileBooks;
import dev.sweep.server.ServerConfig;
import dev.sweep.server.SweepServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over a book file with a venue that quotes only in USDT and the USDT-USD rate books, the API answers byte for byte
 * what the command line prints for the same file: both convert the same books at the same rates.
 */
@Timeout(60)
class ServeConversionTest {

    private static final Path BOOKS = Path.of("..", "..", "examples", "books-usdt.json");

    static SweepServer server;

    @BeforeAll
    static void serve() {
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(BOOKS, List.of(),
                List.of()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api/v1/sweep?side=sell&qty=15                 | sell 15                   | true",
            "api/v1/sweep?side=buy&qty=3&fee=binance:10bps | buy 3 --fee binance=10bps | true",
            "api/v1/sweep?side=sell&qty=2&venues=binance   | sell 2 --venues binance   | true",
            "api/v1/sweep?side=sell&qty=2&convert=false    | sell 2 --no-convert       | false",
            "api/v1/curve?side=buy&sizes=1,5               | curve buy --sizes 1,5     | true",
            "api/v1/depth?bands=0.01,1                     | depth --bands 0.01,1      | true"})
    void theApiAnswersWhatTheCommandLinePrintsForTheSameFile(String path, String command, boolean converted)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()
                .resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--from", BOOKS.toString(), "--json"));
        CliRun printed = CliRun.of(args.toArray(String[]::new));

        assertThat(printed.err()).isEmpty();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(printed.out());
        assertThat(answer.body().contains("\"quote\":\"USDT\",\"rate")).as(answer.body()).isEqualTo(converted);
    }
}
