package org.openionm.modality.ssep.internal;

import java.util.Optional;
import java.util.Set;

import org.openionm.core.stimulation.SiteId;

/**
 * A stimulation site this processor understands: a nerve {@link SiteId} whose nerve is median or
 * ulnar (upper limb) or tibial or peroneal (lower limb); its side is the stimulated side.
 */
record StimSite(String id, boolean upperLimb, boolean left) {

    private static final Set<String> UPPER = Set.of("median", "ulnar");
    private static final Set<String> LOWER = Set.of("tibial", "peroneal");

    static Optional<StimSite> parse(String siteId) {
        return SiteId.tryParse(siteId).filter(SiteId.Nerve.class::isInstance).map(SiteId.Nerve.class::cast)
                .filter(n -> UPPER.contains(n.nerve()) || LOWER.contains(n.nerve()))
                .map(n -> new StimSite(siteId, UPPER.contains(n.nerve()), n.side() == SiteId.Side.LEFT));
    }
}
