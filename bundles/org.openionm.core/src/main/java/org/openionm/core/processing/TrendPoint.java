package org.openionm.core.processing;

import java.util.Objects;

/**
 * One point of a trend over case time, e.g. N20 amplitude or facial train time.
 *
 * @param timeSeconds case time
 * @param modality    processor id
 * @param series      what is trended, e.g. {@code "median.left/CP4/N20/amplitude"}
 * @param value       the value
 * @param unit        its unit
 */
public record TrendPoint(double timeSeconds, String modality, String series, double value, String unit) {

    public TrendPoint {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(unit, "unit");
    }
}
