package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven by Selenium WebDriver, against a server on loopback.
 * On a machine without Chromium and its driver the test says so and is skipped; CI installs both ({@code .ci/run}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "books.json");
    /** Where the screenshot goes: a build artifact, for a person to look at. */
    private static final Path SCREENSHOT = Path.of("target", "page.png");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;
    static ChromeDriver browser;
    static SweepServer server;
    static Http http;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no browser test: " + CHROMIUM + " or " + DRIVER + " is missing (apt-get install chromium"
                        + " chromium-driver)");
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(EXAMPLE, List.of(),
                List.of()));
        http = new Http(server.uri());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePageDrawsTheDepthChartShowsTheApisVwapAndFollowsTheQuantity() throws IOException {
        browser.get(server.uri().resolve("/?side=sell&qty=15&symbol=BTC-USD").toString());
        String vwap15 = http.get("/api/v1/sweep?side=sell&qty=15&symbol=BTC-USD").json().at("/merged/vwap").asText();

        await("the merged VWAP of 15", () -> text("merged-vwap").equals(vwap15));
        await("the depth chart drawn", () -> paintedPixels("#depth canvas") > 10_000);
        assertThat(browser.findElements(By.cssSelector("#venues tbody tr"))).hasSize(3);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

        WebElement amount = browser.findElement(By.name("amount"));
        amount.clear();
        amount.sendKeys("3");
        browser.findElement(By.cssSelector("#order button")).click();
        String vwap3 = http.get("/api/v1/sweep?side=sell&qty=3&symbol=BTC-USD").json().at("/merged/vwap").asText();

        await("the merged VWAP of 3", () -> text("merged-vwap").equals(vwap3));
        assertThat(vwap3).isNotEqualTo(vwap15);
        assertThat(browser.getCurrentUrl()).endsWith("/?side=sell&qty=3&symbol=BTC-USD");
    }

    @Test
    void aStaleVenueIsGreyedAndSaysSo() throws InterruptedException {
        Instrument btcUsd = Instrument.of("BTC-USD");
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             FeedManager feeds = new FeedManager(Venues.all(), Venues.all().stream().collect(Collectors.toMap(
                     Venue::name, venue -> simulator.endpoint(venue.name()))), List.of(btcUsd),
                     FeedSettings.defaults()).start();
             SweepServer demo = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), new FeedBooks(
                     SweepOutput.DEMO, List.of(btcUsd), Venues.names(), feeds::views))) {
            feeds.awaitLive(btcUsd, WAIT, ignored -> { });
            browser.get(demo.uri().resolve("/?side=buy&qty=1").toString());
            await("kraken live", () -> row("kraken").getAttribute("class").equals("live"));

            simulator.inject("kraken", Fault.STALL);

            // The page redraws its rows on every document: each check reads the row afresh, and the colours are read
            // in one script, between two redraws.
            await("kraken greyed and STALE", () -> row("kraken").getAttribute("class").equals("not-live")
                    && row("kraken").findElement(By.className("state")).getText().startsWith("STALE"));
            List<?> colours = (List<?>) ((JavascriptExecutor) browser).executeScript("""
                    return ['kraken', 'coinbase'].map(venue => getComputedStyle(
                        document.querySelector(`#venues tr[data-venue='${venue}']`)).color);""");
            assertThat(colours.get(0)).isNotEqualTo(colours.get(1));
        }
    }

    /** A venue swept with its USDT book converted is listed by that book, its currency named. */
    @Test
    void aVenueSweptConvertedIsListedWithTheCurrencyOfItsBook() {
        try (SweepServer usdt = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(
                EXAMPLE.resolveSibling("books-usdt.json"), List.of("BTC-USD"), List.of()))) {
            browser.get(usdt.uri().resolve("/?side=sell&qty=15&symbol=BTC-USD").toString());

            await("kraken and binance listed", () -> browser.findElements(By.cssSelector("#venues tbody tr"))
                    .size() == 2);
            assertThat(row("binance").findElement(By.tagName("td")).getText())
                    .isEqualTo("binance (USDT book converted)");
            assertThat(row("kraken").findElement(By.tagName("td")).getText()).isEqualTo("kraken");
        }
    }

    /** An order larger than the books, one of them only the best the venue sent, names that venue as having more. */
    @Test
    void anIncompleteSweepNamesTheTruncatedBooksItTookToTheirEnd(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("cut.json");
        Files.writeString(file, """
                {"books":[
                  {"venue":"kraken","symbol":"BTC-USD","truncated":["bids"],"bids":[["100.5","1"]],"asks":[["101","1"]]},
                  {"venue":"coinbase","symbol":"BTC-USD","bids":[["100.4","1"]],"asks":[["101","1"]]}]}""");
        try (SweepServer cut = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file,
                List.of(), List.of()))) {
            browser.get(cut.uri().resolve("/?side=sell&qty=5&symbol=BTC-USD").toString());

            await("the shortfall explained", () -> text("problem").equals("INCOMPLETE: the books hold only 2 BTC as"
                    + " seen; truncated, with more unseen: kraken"));
        }
    }

    private static WebElement row(String venue) {
        return browser.findElement(By.cssSelector("#venues tr[data-venue='" + venue + "']"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Pixels of the canvas that are not transparent: a drawn chart has many. */
    private static long paintedPixels(String selector) {
        Object count = ((JavascriptExecutor) browser).executeScript("""
                const canvas = document.querySelector(arguments[0]);
                if (!canvas) { return 0; }
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
                return painted;""", selector);
        return ((Number) count).longValue();
    }

    private static void await(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }
}
