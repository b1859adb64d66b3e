package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openionm.core.model.ChannelRole;
import org.openionm.driver.simulator.internal.MontageChannel.Kind;
import org.openionm.driver.simulator.internal.MontageChannel.Side;

/**
 * The simulator's default montage: 32 channels covering SSEP, TcMEP, free-run and triggered EMG and
 * EEG, in priority order so that a smaller request still gets a useful multimodal set (16 channels:
 * all SSEP, hand and leg MEP, both facial channels, C3/C4). Beyond 32, EEG electrodes of the 10-10
 * system are added up to 64.
 */
final class Montage {

    /** Rail of scalp, neck and peripheral SSEP inputs (µV): a typical ±3.2 mV EEG front end. */
    static final double SCALP_RAIL_UV = 3200;
    /** Rail of muscle inputs (µV): EMG/MEP amplifiers run at lower gain, MEPs reach several mV. */
    static final double MUSCLE_RAIL_UV = 20_000;

    static final List<MontageChannel> BASE = List.of(
            scalp("CP3-Fpz", ChannelRole.SSEP_CORTICAL),
            scalp("CP4-Fpz", ChannelRole.SSEP_CORTICAL),
            scalp("CPz-Fpz", ChannelRole.SSEP_CORTICAL),
            new MontageChannel("Cv5-Fpz", ChannelRole.SSEP_SUBCORTICAL, Kind.CERVICAL, Side.MIDLINE, "", SCALP_RAIL_UV),
            peripheral("Erb-L", Side.LEFT),
            peripheral("Erb-R", Side.RIGHT),
            peripheral("Popliteal-L", Side.LEFT),
            peripheral("Popliteal-R", Side.RIGHT),
            muscle("APB", Side.LEFT, ChannelRole.MEP_MUSCLE),
            muscle("APB", Side.RIGHT, ChannelRole.MEP_MUSCLE),
            muscle("TA", Side.LEFT, ChannelRole.MEP_MUSCLE),
            muscle("TA", Side.RIGHT, ChannelRole.MEP_MUSCLE),
            // orbicularis oculi and oris (facial nerve, left side of the operated face)
            new MontageChannel("Facial-1", ChannelRole.EMG_FREE_RUN, Kind.MUSCLE, Side.LEFT, "Facial-1", MUSCLE_RAIL_UV),
            new MontageChannel("Facial-2", ChannelRole.EMG_FREE_RUN, Kind.MUSCLE, Side.LEFT, "Facial-2", MUSCLE_RAIL_UV),
            scalp("C3-Cz", ChannelRole.EEG),
            scalp("C4-Cz", ChannelRole.EEG),
            muscle("AH", Side.LEFT, ChannelRole.MEP_MUSCLE),
            muscle("AH", Side.RIGHT, ChannelRole.MEP_MUSCLE),
            muscle("Vastus", Side.LEFT, ChannelRole.EMG_FREE_RUN),
            muscle("Vastus", Side.RIGHT, ChannelRole.EMG_FREE_RUN),
            muscle("EHL", Side.LEFT, ChannelRole.EMG_TRIGGERED),
            muscle("EHL", Side.RIGHT, ChannelRole.EMG_TRIGGERED),
            muscle("Gastroc", Side.LEFT, ChannelRole.EMG_TRIGGERED),
            muscle("Gastroc", Side.RIGHT, ChannelRole.EMG_TRIGGERED),
            scalp("F3-Cz", ChannelRole.EEG),
            scalp("F4-Cz", ChannelRole.EEG),
            scalp("P3-Cz", ChannelRole.EEG),
            scalp("P4-Cz", ChannelRole.EEG),
            scalp("O1-Cz", ChannelRole.EEG),
            scalp("O2-Cz", ChannelRole.EEG),
            muscle("ADM", Side.LEFT, ChannelRole.MEP_MUSCLE),
            muscle("ADM", Side.RIGHT, ChannelRole.MEP_MUSCLE));

    /** Further 10-10 electrodes (referenced to Cz) for requests above 32 channels. */
    static final List<String> EXTRA_EEG = List.of("Fp1", "Fp2", "F7", "F8", "Fz", "T7", "T8", "P7", "P8", "Pz", "Oz",
            "FC1", "FC2", "FC5", "FC6", "CP1", "CP2", "CP5", "CP6", "AF3", "AF4", "F1", "F2", "F5", "F6", "C1", "C2",
            "C5", "C6", "P1", "P2", "PO3");

    static final int MAX_CHANNELS = BASE.size() + EXTRA_EEG.size();

    private static final Map<String, MontageChannel> BY_LABEL = new LinkedHashMap<>();

    static {
        for (MontageChannel c : full()) {
            BY_LABEL.put(c.label(), c);
        }
    }

    private Montage() {
    }

    /** The first {@code n} channels in priority order. */
    static List<MontageChannel> first(int n) {
        if (n < 1 || n > MAX_CHANNELS) {
            throw new IllegalArgumentException("the simulated montage has 1.." + MAX_CHANNELS + " channels, asked " + n);
        }
        return full().subList(0, n);
    }

    /** Every channel the simulator can record, in priority order. */
    static List<MontageChannel> full() {
        List<MontageChannel> all = new ArrayList<>(BASE);
        for (String electrode : EXTRA_EEG) {
            all.add(scalp(electrode + "-Cz", ChannelRole.EEG));
        }
        return all;
    }

    static Optional<MontageChannel> byLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }

    static List<String> labels() {
        return List.copyOf(BY_LABEL.keySet());
    }

    /** Hemisphere of a 10-20 electrode from its name: odd number left, even right, z midline. */
    static Side hemisphere(String derivation) {
        String electrode = derivation.split("-")[0];
        char last = electrode.charAt(electrode.length() - 1);
        if (Character.isDigit(last)) {
            return (last - '0') % 2 == 1 ? Side.LEFT : Side.RIGHT;
        }
        return Side.MIDLINE;
    }

    private static MontageChannel scalp(String label, ChannelRole role) {
        return new MontageChannel(label, role, Kind.SCALP, hemisphere(label), "", SCALP_RAIL_UV);
    }

    private static MontageChannel peripheral(String label, Side side) {
        return new MontageChannel(label, ChannelRole.SSEP_PERIPHERAL, Kind.PERIPHERAL, side, "", SCALP_RAIL_UV);
    }

    private static MontageChannel muscle(String muscle, Side side, ChannelRole role) {
        String label = muscle + (side == Side.LEFT ? "-L" : "-R");
        return new MontageChannel(label, role, Kind.MUSCLE, side, muscle, MUSCLE_RAIL_UV);
    }
}
