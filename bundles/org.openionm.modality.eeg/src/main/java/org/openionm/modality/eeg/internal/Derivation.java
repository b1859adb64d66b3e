package org.openionm.modality.eeg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One analysed EEG trace: a recorded channel as it is ({@code minus} −1), or the difference of two
 * channels recorded against a common reference (F3-Cz minus C3-Cz is F3-C3).
 *
 * @param label 10-20 derivation, e.g. {@code "C3-Cz"} or {@code "F3-C3"}
 * @param plus  index (in the processor's EEG channel list) of the channel added
 * @param minus index of the channel subtracted, or −1
 */
public record Derivation(String label, int plus, int minus) {

    private static final Pattern ELECTRODE = Pattern.compile("([A-Za-z]+)(\\d+|z|Z)");

    /**
     * The derivations a montage text names, over the EEG channels' labels; an empty text takes every
     * channel as recorded.
     *
     * @throws IllegalArgumentException a derivation that is neither a channel nor the difference of two
     *                                  channels of a common reference, naming the channels there are
     */
    public static List<Derivation> parse(String montage, List<String> channelLabels) {
        List<Derivation> out = new ArrayList<>();
        if (montage == null || montage.isBlank()) {
            for (int i = 0; i < channelLabels.size(); i++) {
                out.add(new Derivation(channelLabels.get(i), i, -1));
            }
            return out;
        }
        for (String raw : montage.split(",")) {
            String name = raw.replace(" ", "");
            if (name.isEmpty()) {
                continue;
            }
            out.add(resolve(name, channelLabels));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("montage '" + montage + "' names no derivation");
        }
        return out;
    }

    private static Derivation resolve(String name, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).replace(" ", "").equalsIgnoreCase(name)) {
                return new Derivation(labels.get(i), i, -1);
            }
        }
        String[] parts = name.split("-");
        if (parts.length == 2) {
            for (int a = 0; a < labels.size(); a++) {
                String[] pa = labels.get(a).replace(" ", "").split("-");
                if (pa.length != 2 || !pa[0].equalsIgnoreCase(parts[0])) {
                    continue;
                }
                for (int b = 0; b < labels.size(); b++) {
                    String[] pb = labels.get(b).replace(" ", "").split("-");
                    if (pb.length == 2 && pb[0].equalsIgnoreCase(parts[1]) && pb[1].equalsIgnoreCase(pa[1])) {
                        return new Derivation(parts[0] + "-" + parts[1], a, b);
                    }
                }
            }
        }
        throw new IllegalArgumentException("montage: derivation '" + name + "' is neither an EEG channel nor the difference"
                + " of two EEG channels with a common reference; the EEG channels are " + labels);
    }

    /** The hemisphere: left when an electrode has an odd number, right when even, midline otherwise or mixed. */
    public Side side() {
        boolean left = false;
        boolean right = false;
        for (String e : label.split("-")) {
            Matcher m = ELECTRODE.matcher(e.trim());
            if (m.matches() && !m.group(2).equalsIgnoreCase("z")) {
                if (Integer.parseInt(m.group(2)) % 2 == 1) {
                    left = true;
                } else {
                    right = true;
                }
            }
        }
        return left == right ? Side.MIDLINE : left ? Side.LEFT : Side.RIGHT;
    }

    /** The label over the other hemisphere: odd electrode numbers become the next even one and back (C3-Cz ↔ C4-Cz). */
    public String mirrorLabel() {
        List<String> out = new ArrayList<>();
        for (String e : label.split("-")) {
            Matcher m = ELECTRODE.matcher(e.trim());
            if (m.matches() && !m.group(2).equalsIgnoreCase("z")) {
                int n = Integer.parseInt(m.group(2));
                out.add(m.group(1) + (n % 2 == 1 ? n + 1 : n - 1));
            } else {
                out.add(e.trim());
            }
        }
        return String.join("-", out);
    }

    /** Left/right homologous pairs among {@code derivations}, as index pairs {left, right}. */
    public static List<int[]> homologousPairs(List<Derivation> derivations) {
        List<int[]> pairs = new ArrayList<>();
        for (int l = 0; l < derivations.size(); l++) {
            Derivation d = derivations.get(l);
            if (d.side() != Side.LEFT) {
                continue;
            }
            String mirror = d.mirrorLabel().toLowerCase(Locale.ROOT);
            for (int r = 0; r < derivations.size(); r++) {
                if (derivations.get(r).label().toLowerCase(Locale.ROOT).equals(mirror)) {
                    pairs.add(new int[] { l, r });
                    break;
                }
            }
        }
        return pairs;
    }

    /** Hemisphere of a derivation. */
    public enum Side { LEFT, RIGHT, MIDLINE }
}
