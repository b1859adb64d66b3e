package org.openionm.modality.emg.triggered.internal;

import java.util.List;
import java.util.Locale;

import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.SettingDescriptor.Option;

/**
 * What a stimulation threshold means, by preset: the bands of a threshold (mA) from low to high, each
 * with its reading and alarm priority (none where the threshold is reassuring). For a pedicle screw a
 * low threshold is the danger (current reaches the root through a breached wall); for a nerve
 * stimulated directly a high threshold is (the nerve conducts worse). Sources in {@link #source}
 * and docs/emg.md.
 */
enum ThresholdPreset {

    LUMBAR("lumbar", "Lumbar pedicle screw (Raynor 2007)", "Raynor 2007 (4857 lumbar screws; 8 mA: specificity 94 %, sensitivity 86 %)",
            List.of(new Band(4, false, "breach likely", Priority.HIGH),
                    new Band(8, true, "breach possible", Priority.MEDIUM),
                    new Band(Double.POSITIVE_INFINITY, true, "no breach", null))),
    LUMBAR_COMPRESSED("lumbar.compressed", "Lumbar screw, chronically compressed root (Holland 1998)",
            "Holland 1998, Spine 23:224 (compressed roots' direct thresholds mostly > 10 mA); J Spinal Disord 2000;13:283"
                    + " (screws responding at <= 10 mA inspected); < 4 mA from Raynor 2007",
            List.of(new Band(4, false, "breach likely", Priority.HIGH),
                    new Band(10, true, "breach possible (compressed root)", Priority.MEDIUM),
                    new Band(Double.POSITIVE_INFINITY, true, "no breach", null))),
    THORACIC("thoracic", "Thoracic pedicle screw (> 6 mA in bone)", "Raynor 2007 via IONM reference: thoracic > 6 mA in bone",
            List.of(new Band(6, true, "breach possible", Priority.MEDIUM),
                    new Band(Double.POSITIVE_INFINITY, true, "no breach", null))),
    FACIAL("facial", "Facial nerve, direct stimulation (<= 0.1 mA favourable)",
            "Karanth 2024, IJPP 68:118 (proximal threshold <= 0.1 mA at the end of resection favourable);"
                    + " band above it an OpenIONM reading, not a published cut-off",
            List.of(new Band(0.1, true, "favourable facial threshold", null),
                    new Band(Double.POSITIVE_INFINITY, true, "facial threshold above 0.1 mA", Priority.MEDIUM))),
    RLN("rln", "Recurrent laryngeal / vagus nerve, direct stimulation (1–2 mA)",
            "NIM Vital thyroid profile 1.0 mA; optimal signal >= 500 uV at 1–2 mA (J Cancer Metastasis Treat 2021;7:70);"
                    + " the bands are an OpenIONM reading of these, not published cut-offs",
            List.of(new Band(1, true, "response at the 1 mA profile", null),
                    new Band(2, true, "response only above 1 mA", Priority.LOW),
                    new Band(Double.POSITIVE_INFINITY, true, "no response at 1–2 mA", Priority.MEDIUM)));

    /**
     * One band of thresholds, up to {@code upperMa} (inclusive or not).
     *
     * @param priority alarm priority, null for no alarm
     */
    record Band(double upperMa, boolean inclusive, String reading, Priority priority) {
        boolean holds(double thresholdMa) {
            return thresholdMa < upperMa || (inclusive && thresholdMa == upperMa);
        }
    }

    final String id;
    final String label;
    final String source;
    final List<Band> bands;

    ThresholdPreset(String id, String label, String source, List<Band> bands) {
        this.id = id;
        this.label = label;
        this.source = source;
        this.bands = bands;
    }

    /** The band a threshold falls in. */
    Band band(double thresholdMa) {
        for (Band b : bands) {
            if (b.holds(thresholdMa)) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** The band's lower edge, as the criterion text writes it. */
    private double lowerOf(Band band) {
        int i = bands.indexOf(band);
        return i == 0 ? 0 : bands.get(i - 1).upperMa();
    }

    /** The alarm criterion of a band, e.g. "t-EMG threshold < 4 mA: breach likely (lumbar, Raynor 2007 …)". */
    String criterion(Band band) {
        int i = bands.indexOf(band);
        String range;
        if (i == 0) {
            range = (band.inclusive() ? "<= " : "< ") + num(band.upperMa()) + " mA";
        } else if (Double.isInfinite(band.upperMa())) {
            range = "> " + num(lowerOf(band)) + " mA";
        } else {
            range = num(lowerOf(band)) + "–" + num(band.upperMa()) + " mA";
        }
        return "t-EMG threshold " + range + ": " + band.reading() + " (" + id + ", " + source + ")";
    }

    /** The bands in one line, e.g. "< 4 mA breach likely (HIGH), 4–8 mA breach possible (MEDIUM), > 8 mA no breach". */
    String describeBands() {
        StringBuilder b = new StringBuilder();
        for (Band band : bands) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String c = criterion(band);
            b.append(c, "t-EMG threshold ".length(), c.indexOf(" ("))
                    .append(band.priority() == null ? "" : " [" + band.priority() + "]");
        }
        return b.toString();
    }

    static ThresholdPreset of(String id) {
        for (ThresholdPreset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown t-EMG preset '" + id + "'");
    }

    static List<Option> options() {
        return java.util.Arrays.stream(values()).map(p -> new Option(p.id, p.label)).toList();
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
