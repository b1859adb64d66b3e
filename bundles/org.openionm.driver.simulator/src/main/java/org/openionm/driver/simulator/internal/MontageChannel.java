package org.openionm.driver.simulator.internal;

import org.openionm.core.model.ChannelRole;

/**
 * One electrode derivation of the simulated montage.
 *
 * @param label  derivation as the field writes it, e.g. {@code "CP4-Fpz"}, {@code "TA-L"}
 * @param role   what the channel is for
 * @param kind   which background the simulator generates for it
 * @param side   body side (limbs) or hemisphere (scalp)
 * @param muscle muscle name for muscle channels (e.g. {@code "TA"}), empty otherwise
 * @param railUv symmetric amplifier rail in µV: samples clip at ±railUv
 */
record MontageChannel(String label, ChannelRole role, Kind kind, Side side, String muscle, double railUv) {

    /** Background signal family. */
    enum Kind {
        /** Scalp: 1/f EEG plus alpha, burst suppression. */
        SCALP,
        /** Neck (cervical SSEP): 1/f background of its own level. */
        CERVICAL,
        /** Erb's point, popliteal fossa: 1/f background of its own level. */
        PERIPHERAL,
        /** Needle or surface EMG: band-limited low-level noise. */
        MUSCLE
    }

    /** Body side or hemisphere. */
    enum Side { LEFT, RIGHT, MIDLINE }

    boolean isMuscle() {
        return kind == Kind.MUSCLE;
    }
}
