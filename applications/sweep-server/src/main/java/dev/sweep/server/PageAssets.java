package dev.sweep.server;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web page and its assets, read from the jar once at start and served from memory: the page, its script and
 * style, and the chart library (uPlot, vendored from its WebJar), so that the page works offline.
 */
final class PageAssets implements Handler<RoutingContext> {

    private static final String PAGE = "dev/sweep/server/page/";
    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + Versions.UPLOT + "/dist/";

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    PageAssets() {
        add("/", PAGE + "index.html", "text/html; charset=utf-8");
        add("/app.js", PAGE + "app.js", "text/javascript; charset=utf-8");
        add("/style.css", PAGE + "style.css", "text/css; charset=utf-8");
        add("/assets/uplot.min.js", UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        add("/assets/uplot.min.css", UPLOT + "uPlot.min.css", "text/css; charset=utf-8");
    }

    private void add(String path, String resource, String type) {
        try (InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            assets.put(path, new Asset(Buffer.buffer(in.readAllBytes()), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths served. */
    Iterable<String> paths() {
        return assets.keySet();
    }

    @Override
    public void handle(RoutingContext context) {
        Asset asset = assets.get(context.normalizedPath());
        if (asset == null) {
            context.next();
            return;
        }
        context.response().putHeader("Content-Type", asset.type()).putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff").end(asset.content());
    }

    private record Asset(Buffer content, String type) {
    }
}
