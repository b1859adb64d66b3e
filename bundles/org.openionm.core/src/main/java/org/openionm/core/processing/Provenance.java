package org.openionm.core.processing;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a number was produced: which processor, with which effective settings (filter, preset,
 * baseline…). Every result carries one so a clinician can ask "where does this come from?".
 *
 * @param producer processor id and version, e.g. {@code "ssep 0.2.0"}
 * @param settings effective settings, sorted by key
 */
public record Provenance(String producer, Map<String, String> settings) {

    public Provenance {
        Objects.requireNonNull(producer, "producer");
        settings = Map.copyOf(settings);
    }

    /** A stable human-readable form, e.g. {@code "ssep 0.2.0 [highpass.hz=30, lowpass.hz=1000]"}. */
    public String describe() {
        return producer + " " + new TreeMap<>(settings);
    }
}
