package dev.sweep.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions Maven wrote into the jar: where the vendored assets lie inside their WebJars. */
final class Versions {

    /** The uPlot WebJar's version, part of its resources' paths. */
    static final String UPLOT = read().getProperty("uplot");

    private Versions() {
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
