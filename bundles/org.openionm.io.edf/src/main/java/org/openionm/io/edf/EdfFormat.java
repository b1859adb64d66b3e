package org.openionm.io.edf;

/**
 * Sample encoding of a file. OpenIONM always writes the "+" variant (EDF+ or BDF+) so that
 * annotations, stimuli and gaps travel with the signals.
 */
public enum EdfFormat {
    /** 16-bit little-endian two's complement (Kemp 1992). */
    EDF(2, -32768, 32767),
    /** 24-bit little-endian two's complement (BioSemi). */
    BDF(3, -8388608, 8388607);

    private final int bytesPerSample;
    private final int digitalMin;
    private final int digitalMax;

    EdfFormat(int bytesPerSample, int digitalMin, int digitalMax) {
        this.bytesPerSample = bytesPerSample;
        this.digitalMin = digitalMin;
        this.digitalMax = digitalMax;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Lowest digital value the format can hold; the writer maps the physical minimum to it. */
    public int digitalMin() {
        return digitalMin;
    }

    /** Highest digital value the format can hold; the writer maps the physical maximum to it. */
    public int digitalMax() {
        return digitalMax;
    }

    /** Label of the annotation signal: EDFlib and EDFbrowser only accept "BDF Annotations" in BDF+. */
    public String annotationLabel() {
        return this == EDF ? "EDF Annotations" : "BDF Annotations";
    }
}
