package org.openionm.modality.ssep;

import java.util.Optional;

/**
 * A stimulation site this processor understands, parsed from {@code StimulusEvent.siteId}:
 * "median."/"ulnar." are upper limb, "tibial."/"peroneal." lower limb; ".left"/".right" the side.
 */
record StimSite(String id, boolean upperLimb, boolean left) {

    static Optional<StimSite> parse(String siteId) {
        boolean upper = siteId.startsWith("median.") || siteId.startsWith("ulnar.");
        boolean lower = siteId.startsWith("tibial.") || siteId.startsWith("peroneal.");
        boolean left = siteId.endsWith(".left");
        boolean right = siteId.endsWith(".right");
        if (!(upper || lower) || !(left || right)) {
            return Optional.empty();
        }
        return Optional.of(new StimSite(siteId, upper, left));
    }
}
