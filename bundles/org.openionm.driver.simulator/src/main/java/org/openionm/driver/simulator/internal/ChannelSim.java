package org.openionm.driver.simulator.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.openionm.core.model.DriverHealth;
import org.openionm.driver.simulator.internal.MontageChannel.Kind;
import org.openionm.driver.simulator.internal.MontageChannel.Side;

/**
 * One channel's generator: background (1/f or muscle noise), alpha and delta on scalp channels,
 * mains, whatever the overlay holds (evoked responses, artifacts, EMG), cautery and its recovery,
 * then the amplifier: lead-off, clipping at the rails and saturation reports.
 */
final class ChannelSim {

    /** Saturation clears after this long without a sample at a rail. */
    static final double SATURATION_HOLD_SECONDS = 0.05;

    final int index;
    final MontageChannel def;
    final double rail;
    final double mainsGain;
    final double artifactFactor;
    private final PinkNoise pink;
    private final BandNoise band;
    private final AlphaRhythm alpha;
    private final Oscillator delta1;
    private final Oscillator delta2;
    private final long holdSamples;
    private final double recoveryDecay;
    private final SplittableRandom recovery;
    private long noise;
    private double tail;
    boolean leadOff;
    boolean leadRail;
    private boolean saturated;
    private long lastRail;

    ChannelSim(int index, MontageChannel def, double rate, Signals signals, double alphaHz, SplittableRandom random) {
        this.index = index;
        this.def = def;
        this.rail = def.railUv();
        SplittableRandom background = random.split();
        SplittableRandom rhythm = random.split();
        SplittableRandom misc = random.split();
        double rms = switch (def.kind()) {
            case SCALP -> signals.eegMicrovolts();
            case CERVICAL -> signals.cervicalMicrovolts();
            case PERIPHERAL -> signals.peripheralMicrovolts();
            case MUSCLE -> signals.emgMicrovolts();
        };
        pink = def.kind() != Kind.MUSCLE && rms > 0 ? new PinkNoise(rate, rms, background) : null;
        band = def.kind() == Kind.MUSCLE && rms > 0 ? new BandNoise(rate, rms, background) : null;
        boolean scalp = def.kind() == Kind.SCALP;
        alpha = scalp && signals.alphaMicrovolts() > 0
                ? new AlphaRhythm(rate, alphaHz + rhythm.nextDouble(-0.3, 0.3), signals.alphaMicrovolts(), rhythm.split())
                : null;
        delta1 = scalp ? new Oscillator(misc.nextDouble(1.0, 1.8), rate, misc.nextDouble(2 * Math.PI)) : null;
        delta2 = scalp ? new Oscillator(misc.nextDouble(2.0, 3.0), rate, misc.nextDouble(2 * Math.PI)) : null;
        // electrode impedances differ: so do mains pickup and stimulus artifact
        mainsGain = signals.mainsMicrovolts() * misc.nextDouble(0.5, 1.5) * (misc.nextBoolean() ? 1 : -1);
        artifactFactor = misc.nextDouble(0.6, 1.4);
        noise = misc.nextLong() | 1;
        recovery = misc.split();
        holdSamples = Math.max(1, Math.round(SATURATION_HOLD_SECONDS * rate));
        recoveryDecay = CauteryNoise.recoveryDecay(rate);
    }

    /** Cautery stopped: the input recovers from beyond a rail. */
    void startRecovery() {
        tail = rail * recovery.nextDouble(1.0, 1.6) * (recovery.nextBoolean() ? 1 : -1);
    }

    void render(float[] row, int off, Segment seg, Overlay overlay, CauteryNoise cautery, List<DriverHealth> health) {
        int n = seg.length;
        double[] acc = seg.acc;
        if (pink != null) {
            double fast = def.kind() == Kind.SCALP ? hemisphere(seg.fastGain) : 1;
            if (seg.burstActive && def.kind() == Kind.SCALP) {
                double[] g = seg.burstGain;
                for (int i = 0; i < n; i++) {
                    acc[i] = pink.next(fast) * g[i];
                }
            } else if (fast != 1) {
                for (int i = 0; i < n; i++) {
                    acc[i] = pink.next(fast);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    acc[i] = pink.next();
                }
            }
        } else if (band != null) {
            band.fill(acc, n);
        } else {
            java.util.Arrays.fill(acc, 0, n, 0);
        }
        if (alpha != null) {
            alpha.add(acc, n, seg.burstEnabled ? 0 : hemisphere(seg.alphaGain));
        }
        if (delta1 != null) {
            double d = hemisphere(seg.deltaUv);
            if (d > 0) {
                delta1.add(acc, n, 0.6 * d);
                delta2.add(acc, n, 0.4 * d);
            }
        }
        if (seg.mainsOn) {
            double[] m = seg.mains;
            double g = mainsGain;
            for (int i = 0; i < n; i++) {
                acc[i] += g * m[i];
            }
        }
        overlay.drain(index, acc, n);
        if (seg.cauteryOn && cautery.affects(index)) {
            double[] env = seg.cautery;
            double scale = CauteryNoise.OVERDRIVE * rail * 0x1p-52;
            long x = noise;
            for (int i = 0; i < n; i++) {
                x ^= x << 13; // xorshift64: cheap uniform noise, the cautery needs no Gaussian
                x ^= x >>> 7;
                x ^= x << 17;
                acc[i] += env[i] * scale * ((x >>> 11) - 0x1p52);
            }
            noise = x;
        }
        if (tail != 0) {
            double t = tail;
            for (int i = 0; i < n; i++) {
                acc[i] += t;
                t *= recoveryDecay;
            }
            tail = Math.abs(t) < 1e-3 ? 0 : t;
        }
        output(row, off, seg, health);
    }

    private void output(float[] row, int off, Segment seg, List<DriverHealth> health) {
        int n = seg.length;
        if (leadOff) {
            java.util.Arrays.fill(row, off, off + n, leadRail ? (float) rail : 0f);
            if (saturated) { // the lead-off explains the rail; one condition, one report
                saturated = false;
                health.add(new DriverHealth(DriverHealth.Condition.SATURATION, index, false, seg.start, def.label()));
            }
            return;
        }
        double[] acc = seg.acc;
        double hi = rail;
        double lo = -rail;
        for (int i = 0; i < n; i++) {
            double v = acc[i];
            if (v >= hi || v <= lo) {
                v = v >= hi ? hi : lo;
                lastRail = seg.start + i;
                if (!saturated) {
                    saturated = true;
                    health.add(new DriverHealth(DriverHealth.Condition.SATURATION, index, true, lastRail,
                            def.label() + " at the amplifier rail (±" + (int) rail + " uV)"));
                }
            }
            row[off + i] = (float) v;
        }
        if (saturated && seg.start + n - lastRail > holdSamples) {
            saturated = false;
            health.add(new DriverHealth(DriverHealth.Condition.SATURATION, index, false, lastRail + 1,
                    def.label() + " back within range"));
        }
    }

    private double hemisphere(double[] perSide) {
        return def.side() == Side.LEFT ? perSide[0] : def.side() == Side.RIGHT ? perSide[1] : 0.5 * (perSide[0] + perSide[1]);
    }
}
