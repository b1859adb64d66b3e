package org.openionm.modality.emg.triggered.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ramp at one site (screw or nerve), from its first step: the lowest intensity at which each
 * muscle responded, and the site's threshold (the lowest of them). A new ramp at the site (an
 * intensity not above the last one, or a pause of more than {@value #NEW_RUN_AFTER_S} s) starts a new run.
 */
final class SiteRun {

    static final double NEW_RUN_AFTER_S = 5;

    private double lastIntensity = Double.NaN;
    private double lastTime = Double.NaN;
    private final Map<String, Double> muscleThresholds = new LinkedHashMap<>();
    private double siteThreshold = Double.NaN;

    /** Called for every stimulus at the site; returns true when it begins a new ramp. */
    boolean step(double intensity, double timeSeconds) {
        boolean fresh = Double.isNaN(lastIntensity) || intensity <= lastIntensity || timeSeconds - lastTime > NEW_RUN_AFTER_S;
        if (fresh) {
            muscleThresholds.clear();
            siteThreshold = Double.NaN;
        }
        lastIntensity = intensity;
        lastTime = timeSeconds;
        return fresh;
    }

    /** Records a response; true when it is the muscle's first in this ramp (its threshold). */
    boolean respond(String muscle, double intensity) {
        if (muscleThresholds.containsKey(muscle)) {
            return false;
        }
        muscleThresholds.put(muscle, intensity);
        if (Double.isNaN(siteThreshold) || intensity < siteThreshold) {
            siteThreshold = intensity;
        }
        return true;
    }

    boolean hasThreshold() {
        return !Double.isNaN(siteThreshold);
    }

    double siteThreshold() {
        return siteThreshold;
    }
}
