package org.openionm.core.processing;

import java.util.Locale;
import java.util.Map;

import org.openionm.core.stimulation.SiteId;

/**
 * Ids as a person reads them on screen: {@code tcmep.C3C4} is "TcMEP C3→C4" (anode → cathode),
 * {@code median.left} "L median", {@code emg.freerun} "free-run EMG", {@code trainTime} "train
 * time" (issue 16: internal ids reached the Setup part, the alarm log and the reading room). Only what
 * is shown changes: ids in data, topics, files and the analyze JSON stay as they are. Ids this does not
 * know (a site named by another system) are shown as written.
 *
 * @since 0.5.0
 */
public final class ScreenNames {

    private static final Map<String, String> MODALITIES = Map.of("mep", "TcMEP", "ssep", "SSEP", "eeg", "EEG",
            "emg.freerun", "free-run EMG", "emg.triggered", "triggered EMG", "technical", "technical");

    private ScreenNames() {
    }

    /**
     * A stimulation site: "TcMEP C3→C4", "L median", "L4 screw L"; an id in none of {@link SiteId}'s
     * forms as written.
     *
     * @since 0.5.0
     */
    public static String site(String siteId) {
        if (siteId == null) {
            return "";
        }
        return SiteId.tryParse(siteId).map(s -> switch (s) {
            case SiteId.Transcranial t -> "TcMEP " + t.anode() + "\u2192" + t.cathode();
            case SiteId.Nerve n -> side(n.side()) + " " + n.nerve();
            case SiteId.PedicleScrew p -> p.level() + " screw " + side(p.side());
        }).orElse(siteId);
    }

    /**
     * A modality: "TcMEP", "SSEP", "EEG", "free-run EMG", "triggered EMG"; other ids as written.
     *
     * @since 0.5.0
     */
    public static String modality(String modalityId) {
        return modalityId == null ? "" : MODALITIES.getOrDefault(modalityId, modalityId);
    }

    /**
     * A measurement component or trend quantity: a camel-case id in words ({@code trainTime} → "train
     * time"); field names such as "P37", "N20", "p2p" or "MEP" as written.
     *
     * @since 0.5.0
     */
    public static String component(String component) {
        if (component == null || component.isEmpty() || !Character.isLowerCase(component.charAt(0))) {
            return component == null ? "" : component;
        }
        StringBuilder b = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A trend series, its {@code /}-separated parts each read as a site or a component:
     * {@code tcmep.C3C4/AH-L/p2p} → "TcMEP C3→C4 AH-L p2p", {@code FDI-L/trainTime} → "FDI-L train time".
     *
     * @since 0.5.0
     */
    public static String series(String series) {
        if (series == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : series.split("/")) {
            String shown = SiteId.tryParse(part).isPresent() ? site(part) : component(part);
            if (!shown.isBlank()) {
                b.append(b.isEmpty() ? "" : " ").append(shown);
            }
        }
        return b.toString();
    }

    /**
     * Where something was measured or alarmed, the blank parts left out: modality, site, channel and
     * component, e.g. "free-run EMG FDI-L train time", "TcMEP C3→C4 AH-L" (a modality the site already
     * names is not said twice).
     *
     * @since 0.5.0
     */
    public static String where(String modalityId, String siteId, String channel, String component) {
        String site = site(siteId);
        String modality = modality(modalityId);
        if (!modality.isEmpty() && site.startsWith(modality + " ")) {
            modality = "";
        }
        StringBuilder b = new StringBuilder();
        for (String p : new String[] { modality, site, channel, component(component) }) {
            if (p != null && !p.isBlank()) {
                b.append(b.isEmpty() ? "" : " ").append(p.trim());
            }
        }
        return b.toString();
    }

    /**
     * A trend: modality and series, the modality said once ({@code mep}, {@code tcmep.C3C4/AH-L/p2p} →
     * "TcMEP C3→C4 AH-L p2p").
     *
     * @since 0.5.0
     */
    public static String trend(String modalityId, String series) {
        String modality = modality(modalityId);
        String shown = series(series);
        if (modality.isEmpty() || shown.startsWith(modality + " ")) {
            return shown;
        }
        return shown.isEmpty() ? modality : modality + " " + shown;
    }

    private static String side(SiteId.Side side) {
        return side == SiteId.Side.LEFT ? "L" : "R";
    }
}
