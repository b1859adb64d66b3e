package org.openionm.modality.eeg.ui;

import java.util.ArrayList;
import java.util.List;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/**
 * The raw EEG display's montage: the EEG channels as recorded, or the longitudinal bipolar chains
 * (F-C, C-P, P-O per side) formed from channels of a common reference where they exist. No SWT.
 *
 * @param labels derivation labels
 * @param plus   block channel index added per derivation
 * @param minus  block channel index subtracted, or −1
 */
public record RawMontage(List<String> labels, int[] plus, int[] minus) {

    public enum Kind { REFERENTIAL, BIPOLAR }

    private static final String[][] CHAINS = { { "F3", "C3" }, { "C3", "P3" }, { "P3", "O1" }, { "F4", "C4" }, { "C4", "P4" },
            { "P4", "O2" } };

    public static RawMontage of(Kind kind, List<Channel> channels) {
        List<Channel> eeg = channels.stream().filter(c -> c.role().equals(ChannelRole.EEG)).toList();
        List<String> labels = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        if (kind == Kind.BIPOLAR) {
            for (String[] chain : CHAINS) {
                Channel a = find(eeg, chain[0], null);
                Channel b = a == null ? null : find(eeg, chain[1], reference(a));
                if (b != null) {
                    labels.add(chain[0] + "-" + chain[1]);
                    pairs.add(new int[] { a.index(), b.index() });
                }
            }
        }
        if (labels.isEmpty()) { // referential, or no common reference for a chain
            for (Channel c : eeg) {
                labels.add(c.label());
                pairs.add(new int[] { c.index(), -1 });
            }
        }
        return new RawMontage(List.copyOf(labels), pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    /** The derivations of one block's samples, {@code [derivation][sample]}. */
    public float[][] derive(float[][] block) {
        float[][] out = new float[labels.size()][];
        for (int d = 0; d < out.length; d++) {
            float[] a = block[plus[d]];
            if (minus[d] < 0) {
                out[d] = a;
            } else {
                float[] b = block[minus[d]];
                float[] x = new float[a.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = a[i] - b[i];
                }
                out[d] = x;
            }
        }
        return out;
    }

    private static Channel find(List<Channel> eeg, String electrode, String reference) {
        for (Channel c : eeg) {
            String[] p = c.label().replace(" ", "").split("-");
            if (p.length == 2 && p[0].equalsIgnoreCase(electrode) && (reference == null || p[1].equalsIgnoreCase(reference))) {
                return c;
            }
        }
        return null;
    }

    private static String reference(Channel c) {
        String[] p = c.label().replace(" ", "").split("-");
        return p.length == 2 ? p[1] : "";
    }
}
