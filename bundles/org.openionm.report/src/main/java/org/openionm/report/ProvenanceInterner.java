package org.openionm.report;

import java.util.HashMap;
import java.util.Map;

import org.openionm.core.processing.Provenance;

/**
 * One instance for equal provenances and for equal setting texts within a re-analysis. After the
 * averages' samples, the provenances are what a re-analysis holds (each result has its own copy of
 * ~60 settings, and texts such as "baseline at 120.0 s: …" or a "not found" reason are new strings
 * at every average although they repeat for hours); equal values are the same information.
 */
final class ProvenanceInterner {

    private final Map<Provenance, Provenance> provenances = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    /** {@code p}, or the equal provenance seen before; its texts shared with those seen before. */
    synchronized Provenance canonical(Provenance p) {
        Provenance known = provenances.get(p);
        if (known != null) {
            return known;
        }
        Map<String, String> settings = new HashMap<>();
        p.settings().forEach((k, v) -> settings.put(text(k), text(v)));
        Provenance shared = new Provenance(text(p.producer()), settings);
        provenances.put(shared, shared);
        return shared;
    }

    private String text(String s) {
        String known = texts.putIfAbsent(s, s);
        return known != null ? known : s;
    }
}
