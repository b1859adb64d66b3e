package org.openionm.core.model;

import java.util.Objects;

/**
 * Samples that will never arrive, stated explicitly so that no consumer papers over them.
 *
 * @param firstMissingSampleIndex first sample index of the gap
 * @param sampleCount             number of missing samples (> 0)
 * @param reason                  why, in words a technologist understands
 */
public record DataGap(long firstMissingSampleIndex, long sampleCount, String reason) {

    public DataGap {
        Objects.requireNonNull(reason, "reason");
        if (firstMissingSampleIndex < 0 || sampleCount <= 0) {
            throw new IllegalArgumentException("invalid gap: first " + firstMissingSampleIndex + ", count " + sampleCount);
        }
    }

    public long endSampleIndex() {
        return firstMissingSampleIndex + sampleCount;
    }
}
