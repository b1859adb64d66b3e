package org.openionm.driver.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled scenarios (resources {@code scenarios/<name>.yaml}) and scenario files named by path. */
final class Scenarios {

    static final String DEFAULT = "stable-baseline";

    /** Bundled scenario names, as the Setup perspective lists them. */
    static final List<String> BUNDLED = List.of(DEFAULT, "spinal-cord-ischemia", "pedicle-screw-breach",
            "facial-nerve-traction", "carotid-clamp-ischemia", "burst-suppression", "pedicle-screw-thresholds");

    private static final Map<String, Scenario> CACHE = new ConcurrentHashMap<>();

    private Scenarios() {
    }

    /** A bundled scenario by name, or a scenario file by path. */
    static Scenario resolve(String nameOrPath) {
        String text = nameOrPath.trim();
        if (BUNDLED.contains(text)) {
            return bundled(text);
        }
        Path path = Path.of(text);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("option scenario: '" + text + "' is neither a bundled scenario ("
                    + String.join(", ", BUNDLED) + ") nor a readable file");
        }
        return file(path);
    }

    static Scenario bundled(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String resource = "/scenarios/" + n + ".yaml";
            try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled scenario " + resource + " is missing from the bundle");
                }
                return ScenarioParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), n + " (bundled " + resource + ")", n);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled scenario " + resource, e);
            }
        });
    }

    static Scenario file(Path path) {
        String fileName = path.getFileName().toString();
        String name = fileName.replaceFirst("\\.(yaml|yml)$", "");
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return ScenarioParser.parse(reader, "file " + path, name);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
