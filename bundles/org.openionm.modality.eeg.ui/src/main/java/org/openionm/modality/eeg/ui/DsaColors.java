package org.openionm.modality.eeg.ui;

/**
 * The density spectral array's colour scale: power in dB re 1 µV²/Hz, from dark blue (low) over
 * green and yellow to red (high), as clinical DSAs show it. No SWT: returns packed RGB.
 */
public final class DsaColors {

    /** Lower and upper end of the scale (dB re 1 µV²/Hz): scalp EEG spans about this from 30 Hz to 1 Hz. */
    public static final double LOW_DB = -10;
    public static final double HIGH_DB = 25;

    private static final int[][] STOPS = { { 0, 0, 64 }, { 0, 0, 255 }, { 0, 200, 255 }, { 0, 220, 0 }, { 255, 255, 0 },
            { 255, 128, 0 }, { 200, 0, 0 } };

    private DsaColors() {
    }

    /** Packed 0xRRGGBB of a power density in µV²/Hz. */
    public static int rgb(double psd) {
        double db = psd > 0 ? 10 * Math.log10(psd) : LOW_DB;
        double x = Math.max(0, Math.min(1, (db - LOW_DB) / (HIGH_DB - LOW_DB))) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) x);
        double f = x - i;
        int r = (int) Math.round(STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0]));
        int g = (int) Math.round(STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1]));
        int b = (int) Math.round(STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2]));
        return r << 16 | g << 8 | b;
    }
}
