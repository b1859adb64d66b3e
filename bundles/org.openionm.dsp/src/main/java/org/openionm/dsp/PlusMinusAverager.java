package org.openionm.dsp;

/**
 * Average plus the ± (alternating-sign) average of Schimmel (1967): flipping every other sweep cancels
 * the response but not the noise, so the ± average is a noise-only trace with the same residual noise
 * as the real average. Uses complete pairs only, so an odd last sweep cannot leak signal into it.
 */
public final class PlusMinusAverager implements Averager {

    private final SweepSum plain = new SweepSum();
    private final SweepSum alternating = new SweepSum();
    private float[] unpaired;

    @Override
    public void add(float[] sweep) {
        plain.add(sweep, 1);
        if (unpaired == null) {
            unpaired = sweep.clone();
        } else {
            alternating.add(unpaired, 1);
            alternating.add(sweep, -1);
            unpaired = null;
        }
    }

    @Override public float[] average() { return plain.scaled(plain.count()); }

    /** The ± average (noise only); empty before the first pair. */
    public float[] noiseEstimate() { return alternating.scaled(alternating.count()); }

    /** RMS of the ± average: the estimated residual noise in {@link #average()} (NaN before a pair). */
    public double residualNoiseRms() {
        if (alternating.count() == 0) {
            return Double.NaN;
        }
        // the ± average holds 2·pairs sweeps; the real average may hold one more
        double rms = Stats.rms(noiseEstimate());
        return rms * Math.sqrt((double) alternating.count() / plain.count());
    }

    @Override public int sweeps() { return plain.count(); }

    @Override
    public void reset() {
        plain.reset();
        alternating.reset();
        unpaired = null;
    }

    @Override public String describe() { return "± average (Schimmel noise estimate), " + sweeps() + " sweeps"; }
}
