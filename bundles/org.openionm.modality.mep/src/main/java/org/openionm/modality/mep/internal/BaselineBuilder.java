package org.openionm.modality.mep.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.openionm.core.processing.Provenance;

/**
 * Builds a muscle's baseline from its last N trains (the median of each measure), because one
 * single trial varies too much (amplitude CV 30–50 %) to be the reference. Only trains at the site
 * and intensity of the newest one count (amplitude recruits with intensity), and only those with a
 * response; the provenance says how many were used, of how many asked, and which were left out.
 */
final class BaselineBuilder {

    static final String STATISTIC = "median";

    private BaselineBuilder() {
    }

    /**
     * @param recent  the muscle's last trains at one site, oldest first (at most {@code asked})
     * @param asked   trains the setting asks for
     * @return the baseline and the representative train (p2p nearest the median), or null when the
     *         newest train evoked no response (a baseline is never captured from a missing response)
     */
    static Result build(double captureTime, String muscle, List<MeasuredTrain> recent, int asked, double thresholdV,
            Provenance processor) {
        if (recent.isEmpty() || !recent.get(recent.size() - 1).response().present()) {
            return null;
        }
        MeasuredTrain newest = recent.get(recent.size() - 1);
        List<MeasuredTrain> window = recent.subList(Math.max(0, recent.size() - asked), recent.size());
        List<MeasuredTrain> used = new ArrayList<>();
        int otherIntensity = 0;
        int absent = 0;
        for (MeasuredTrain m : window) {
            if (m.train().intensity() != newest.train().intensity()) {
                otherIntensity++;
            } else if (!m.response().present()) {
                absent++;
            } else {
                used.add(m);
            }
        }
        double p2p = median(used.stream().mapToDouble(m -> m.response().p2pUv()).toArray());
        double area = median(used.stream().mapToDouble(m -> m.response().areaUvMs()).toArray());
        double onset = median(used.stream().mapToDouble(m -> m.response().onsetMs()).toArray());
        int phases = (int) Math.round(median(used.stream().mapToDouble(m -> m.response().phases()).toArray()));
        MeasuredTrain shown = used.stream()
                .min(Comparator.comparingDouble((MeasuredTrain m) -> Math.abs(m.response().p2pUv() - p2p))).orElseThrow();

        Map<String, String> prov = new HashMap<>(processor.settings());
        prov.put("baseline.statistic", STATISTIC + " of p2p, area, onset and phases over the trains used");
        prov.put("baseline.trains.used", Integer.toString(used.size()));
        prov.put("baseline.trains.times", used.stream().map(m -> String.format(Locale.ROOT, "%.1f s", m.timeSeconds()))
                .collect(Collectors.joining(", ")));
        prov.put("baseline.trains.note", note(used.size(), asked, window.size(), otherIntensity, absent, newest));
        prov.put("baseline.trace", String.format(Locale.ROOT, "train at %.1f s (p2p nearest the median)", shown.timeSeconds()));
        MepBaseline b = new MepBaseline(captureTime, newest.train().siteId(), muscle, newest.train().intensity(), p2p, area,
                phases, onset, thresholdV, used.size(), new Provenance(processor.producer(), prov));
        return new Result(b, shown);
    }

    /** The baseline and the train whose trace represents it. */
    record Result(MepBaseline baseline, MeasuredTrain shown) {
    }

    private static String note(int used, int asked, int available, int otherIntensity, int absent, MeasuredTrain newest) {
        String at = String.format(Locale.ROOT, "%s %s %s", newest.train().siteId(), MepSettings.num(newest.train().intensity()),
                newest.train().intensityUnit());
        if (used == asked) {
            return used + " of " + asked + " trains asked, all at " + at;
        }
        List<String> why = new ArrayList<>();
        if (available < asked) {
            why.add("only " + available + " train" + (available == 1 ? "" : "s") + " at this site so far");
        }
        if (otherIntensity > 0) {
            why.add(otherIntensity + " at another intensity left out");
        }
        if (absent > 0) {
            why.add(absent + " without a response left out");
        }
        return "FEWER THAN ASKED: " + used + " of " + asked + " trains at " + at + " (" + String.join("; ", why) + ")";
    }

    /** Median; the mean of the middle two for an even count. */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
