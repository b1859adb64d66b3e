package org.openionm.modality.mep.internal;

/**
 * What one train evoked in one muscle (single trial).
 *
 * @param present     p2p exceeded the pre-stimulus p2p by the presence threshold
 * @param onsetMs     onset latency after the first pulse; NaN without a response
 * @param p2pUv       peak-to-peak after the blanking interval, measured even without a response
 * @param areaUvMs    rectified area from onset to the end of the response; 0 without a response
 * @param phases      excursions of alternating sign beyond the phase threshold; 0 without a response
 * @param noiseRmsUv  RMS of the filtered pre-stimulus window
 * @param noiseP2pUv  peak-to-peak of the filtered pre-stimulus window
 * @param traceUv     filtered window, first sample at the first pulse
 */
public record MuscleResponse(boolean present, double onsetMs, double p2pUv, double areaUvMs, int phases,
        double noiseRmsUv, double noiseP2pUv, float[] traceUv) {
}
