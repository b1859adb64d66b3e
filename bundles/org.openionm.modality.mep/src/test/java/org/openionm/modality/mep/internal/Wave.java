package org.openionm.modality.mep.internal;

/**
 * A synthetic MEP: half-sine phases of alternating sign (first positive), starting abruptly at
 * {@code onsetMs}. The truth of every measure follows analytically.
 */
record Wave(double onsetMs, double halfCycleMs, double scaleUv, double... phases) {

    Wave scaled(double factor) {
        return new Wave(onsetMs, halfCycleMs, scaleUv * factor, phases);
    }

    double valueAt(double tMs) {
        double u = (tMs - onsetMs) / halfCycleMs;
        if (u < 0 || u >= phases.length) {
            return 0;
        }
        int k = (int) u;
        double sign = k % 2 == 0 ? 1 : -1;
        return sign * scaleUv * phases[k] * Math.sin(Math.PI * (u - k));
    }

    double truthP2p() {
        double pos = 0;
        double neg = 0;
        for (int k = 0; k < phases.length; k++) {
            if (k % 2 == 0) {
                pos = Math.max(pos, phases[k]);
            } else {
                neg = Math.max(neg, phases[k]);
            }
        }
        return scaleUv * (pos + neg);
    }

    /** Rectified area in µV·ms: each half-sine has area 2/π × amplitude × duration. */
    double truthArea() {
        double sum = 0;
        for (double p : phases) {
            sum += p;
        }
        return scaleUv * sum * halfCycleMs * 2 / Math.PI;
    }
}
