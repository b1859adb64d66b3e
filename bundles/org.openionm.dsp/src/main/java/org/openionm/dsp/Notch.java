package org.openionm.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Mains notch: one RBJ biquad notch per harmonic. Rings for about Q / (π f0) seconds after a step,
 * which is why the reference prefers non-mains-locked rates or {@link LineCanceller}.
 */
public final class Notch {

    private Notch() {}

    /**
     * @param mainsHz   50 or 60
     * @param q         quality factor (centre / -3 dB bandwidth), e.g. 30
     * @param harmonics how many of f0, 2f0, 3f0 … to remove (those below Nyquist)
     */
    public static SosFilter mains(double mainsHz, double q, int harmonics, double fs) {
        if (!(q > 0) || harmonics < 1) {
            throw new IllegalArgumentException("notch needs Q > 0 and at least one harmonic");
        }
        List<Biquad> sections = new ArrayList<>();
        for (int h = 1; h <= harmonics && h * mainsHz < fs / 2; h++) {
            double w0 = 2 * Math.PI * h * mainsHz / fs;
            double alpha = Math.sin(w0) / (2 * q);
            double a0 = 1 + alpha;
            double c = -2 * Math.cos(w0);
            sections.add(new Biquad(1 / a0, c / a0, 1 / a0, c / a0, (1 - alpha) / a0));
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("mains " + mainsHz + " Hz is above Nyquist for fs " + fs);
        }
        return new SosFilter(sections, fs, "notch " + Butterworth.hz(mainsHz) + " Hz, Q " + Butterworth.hz(q)
                + ", " + sections.size() + " harmonic(s)");
    }
}
