package org.openionm.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Butterworth designs as second-order sections: analogue prototype poles, frequency transform,
 * bilinear transform with prewarped corners (so the -3 dB points land exactly where asked).
 * Band-pass of order N follows scipy's {@code butter(N, [lo, hi], 'bandpass')}: an N-pole
 * prototype, hence N sections, N poles on each skirt.
 */
public final class Butterworth {

    private Butterworth() {}

    public static SosFilter lowPass(int order, double cornerHz, double fs) {
        checkCorner(cornerHz, fs);
        double wc = prewarp(cornerHz, fs);
        List<Biquad> out = new ArrayList<>();
        for (Complex p : prototypeHalf(order)) {
            out.add(section(p.times(wc), fs, 1));
        }
        return normalised(out, 0, fs, "Butterworth low-pass " + hz(cornerHz) + " Hz, order " + order);
    }

    public static SosFilter highPass(int order, double cornerHz, double fs) {
        checkCorner(cornerHz, fs);
        double wc = prewarp(cornerHz, fs);
        List<Biquad> out = new ArrayList<>();
        for (Complex p : prototypeHalf(order)) {
            out.add(section(new Complex(wc, 0).div(p), fs, -1));
        }
        return normalised(out, fs / 2, fs, "Butterworth high-pass " + hz(cornerHz) + " Hz, order " + order);
    }

    public static SosFilter bandPass(int order, double lowHz, double highHz, double fs) {
        checkCorner(lowHz, fs);
        checkCorner(highHz, fs);
        if (!(lowHz < highHz)) {
            throw new IllegalArgumentException("band-pass needs low < high, was " + lowHz + " and " + highHz);
        }
        double w1 = prewarp(lowHz, fs);
        double w2 = prewarp(highHz, fs);
        double bw = w2 - w1;
        double w0sq = w1 * w2;
        List<Biquad> out = new ArrayList<>();
        for (Complex p : prototypeHalf(order)) {
            // s^2 - p*B*s + w0^2 = 0 maps each prototype pole to two band-pass poles
            Complex half = p.times(bw / 2);
            Complex root = half.times(half).minus(new Complex(w0sq, 0)).sqrt();
            Complex s1 = half.plus(root);
            Complex s2 = half.minus(root);
            if (Math.abs(p.im()) < 1e-12) {
                out.add(pairSection(s1, s2, fs));
            } else {
                out.add(pairSection(s1, s1.conj(), fs));
                out.add(pairSection(s2, s2.conj(), fs));
            }
        }
        double centre = fs / Math.PI * Math.atan(Math.sqrt(w0sq) / (2 * fs));
        return normalised(out, centre, fs,
                "Butterworth band-pass " + hz(lowHz) + "–" + hz(highHz) + " Hz, order " + order);
    }

    /** Analogue corner that the bilinear transform maps onto {@code hz}. */
    public static double prewarp(double hz, double fs) {
        return 2 * fs * Math.tan(Math.PI * hz / fs);
    }

    /** Prototype poles on the unit circle: the upper half-plane ones, plus -1 for odd orders. */
    static List<Complex> prototypeHalf(int order) {
        if (order < 1 || order > 20) {
            throw new IllegalArgumentException("order must be 1..20, was " + order);
        }
        List<Complex> poles = new ArrayList<>();
        for (int k = 0; k < order; k++) {
            Complex p = Complex.polar(1, Math.PI * (2 * k + order + 1) / (2.0 * order));
            if (p.im() > 1e-12) {
                poles.add(p);
            } else if (Math.abs(p.im()) <= 1e-12) {
                poles.add(new Complex(-1, 0));
            }
        }
        return poles;
    }

    /** LP (zeroSign +1: zeros at z=-1) or HP (-1: zeros at z=1) section for one pole (and its conjugate). */
    private static Biquad section(Complex analogPole, double fs, int zeroSign) {
        if (Math.abs(analogPole.im()) < 1e-9 * analogPole.abs()) {
            double zd = bilinear(analogPole, fs).re();
            return new Biquad(1, zeroSign, 0, -zd, 0);
        }
        Complex zd = bilinear(analogPole, fs);
        return new Biquad(1, 2 * zeroSign, 1, -2 * zd.re(), zd.times(zd.conj()).re());
    }

    /** Band-pass section: poles s1, s2 (a conjugate or real pair), one zero at z=1 and one at z=-1. */
    private static Biquad pairSection(Complex s1, Complex s2, double fs) {
        Complex z1 = bilinear(s1, fs);
        Complex z2 = bilinear(s2, fs);
        return new Biquad(1, 0, -1, -z1.plus(z2).re(), z1.times(z2).re());
    }

    private static Complex bilinear(Complex s, double fs) {
        Complex k = new Complex(2 * fs, 0);
        return k.plus(s).div(k.minus(s));
    }

    /** Each section gets unit gain at the pass-band reference, so the cascade does too. */
    private static SosFilter normalised(List<Biquad> raw, double refHz, double fs, String description) {
        List<Biquad> out = new ArrayList<>();
        for (Biquad b : raw) {
            out.add(b.scaled(1 / b.response(refHz, fs).abs()));
        }
        return new SosFilter(out, fs, description);
    }

    private static void checkCorner(double hz, double fs) {
        if (!(hz > 0 && hz < fs / 2)) {
            throw new IllegalArgumentException("corner " + hz + " Hz must lie in (0, " + fs / 2 + ") Hz");
        }
    }

    static String hz(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
