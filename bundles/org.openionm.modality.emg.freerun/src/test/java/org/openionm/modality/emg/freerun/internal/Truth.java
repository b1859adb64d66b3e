package org.openionm.modality.emg.freerun.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.model.Annotation;

/**
 * The simulator's ground truth, read from its {@code TRUTH} annotations: what happened where, from
 * when, for how long.
 */
record Truth(String kind, List<String> channels, double start, double duration) {

    private static final Pattern ATRAIN = Pattern.compile("TRUTH A-train (\\S+) .* for (\\S+) s");
    private static final Pattern CLUSTER = Pattern.compile("TRUTH A-train cluster (\\S+) .* for (\\S+) s");
    private static final Pattern SPIKES = Pattern.compile("TRUTH EMG spikes (\\S+) .* for (\\S+) s.*");
    private static final Pattern BURST = Pattern.compile("TRUTH EMG burst (\\S+) .* for (\\S+) s");
    private static final Pattern NEUROTONIC = Pattern.compile("TRUTH neurotonic discharge (\\S+) .* for (\\S+) s");
    private static final Pattern CAUTERY = Pattern.compile("TRUTH cautery for (\\S+) s.*");

    double end() {
        return start + duration;
    }

    boolean overlaps(double from, double to) {
        return from < end() && to > start;
    }

    static List<Truth> read(List<Annotation> annotations, double fs) {
        List<Truth> out = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a.kind() != Annotation.Kind.GROUND_TRUTH) {
                continue;
            }
            double t = a.sampleIndex() / fs;
            String text = a.text();
            Matcher m;
            if ((m = CLUSTER.matcher(text)).matches()) {
                out.add(new Truth("A-train cluster", List.of(m.group(1).split(",")), t, Double.parseDouble(m.group(2))));
            } else if ((m = ATRAIN.matcher(text)).matches()) {
                out.add(new Truth("A-train", List.of(m.group(1)), t, Double.parseDouble(m.group(2))));
            } else if ((m = SPIKES.matcher(text)).matches()) {
                out.add(new Truth("spike", List.of(m.group(1)), t, Double.parseDouble(m.group(2))));
            } else if ((m = BURST.matcher(text)).matches()) {
                out.add(new Truth("burst", List.of(m.group(1)), t, Double.parseDouble(m.group(2))));
            } else if ((m = NEUROTONIC.matcher(text)).matches()) {
                out.add(new Truth("neurotonic", List.of(m.group(1)), t, Double.parseDouble(m.group(2))));
            } else if ((m = CAUTERY.matcher(text)).matches()) {
                out.add(new Truth("cautery", List.of(), t, Double.parseDouble(m.group(1))));
            }
        }
        return out;
    }
}
