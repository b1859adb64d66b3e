package org.openionm.modality.mep.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Alarm criteria of one muscle against its baseline, with confirmation over consecutive trains.
 * A condition is reported on transitions only: active once N consecutive trains met it, inactive
 * once {@link MepSettings#clearTrains} consecutive trains read recovered — for the amplitude
 * criteria, a decrease below the criterion less {@link MepSettings#clearMarginPct} (hysteresis:
 * single trials scatter by 30–50 %, so a response stuck near the criterion must not clear and recur
 * from one train to the next). A criterion that cannot be judged on a train (e.g. morphology
 * without a response, threshold while unknown) keeps its state and counts.
 */
final class MuscleAlarms {

    /** One transition to publish. */
    record Transition(MepAlarmPreset preset, boolean active, String values) {}

    private final Map<MepAlarmPreset, Integer> consecutive = new EnumMap<>(MepAlarmPreset.class);
    private final Map<MepAlarmPreset, Boolean> active = new EnumMap<>(MepAlarmPreset.class);
    /** Consecutive recovered trains of an active criterion. */
    private final Map<MepAlarmPreset, Integer> recovered = new EnumMap<>(MepAlarmPreset.class);

    /**
     * @param comparable false for a train weaker than the baseline train: only the threshold rule
     *                   applies to it (threshold hunting is not a loss)
     */
    List<Transition> evaluate(MuscleResponse r, double thresholdV, MepBaseline base, MepSettings s, String muscle,
            boolean comparable) {
        List<Transition> out = new ArrayList<>();
        for (MepAlarmPreset p : enabled(s)) {
            Boolean met = comparable || p == MepAlarmPreset.THRESHOLD ? met(p, r, thresholdV, base, s) : null;
            if (met == null) {
                continue;
            }
            boolean was = active.getOrDefault(p, false);
            if (met) {
                int n = consecutive.merge(p, 1, Integer::sum);
                recovered.put(p, 0);
                if (!was && n >= s.trainsToConfirm(p)) {
                    active.put(p, true);
                    out.add(new Transition(p, true, values(p, r, thresholdV, base, muscle)));
                }
            } else {
                consecutive.put(p, 0);
                if (was) {
                    // inside the hysteresis band the recovery run starts again
                    int n = recovered(p, r, base, s) ? recovered.getOrDefault(p, 0) + 1 : 0;
                    recovered.put(p, n);
                    if (n >= s.clearTrains()) {
                        active.put(p, false);
                        recovered.put(p, 0);
                        out.add(new Transition(p, false, "recovered on " + n + " consecutive train" + (n == 1 ? "" : "s")
                                + " (" + clearRule(p, s) + "): " + values(p, r, thresholdV, base, muscle)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * True when a criterion that a repeat train would confirm has been met on the last train(s) but
     * is not yet active: the processor then asks for the repeat at once.
     */
    boolean awaitingConfirmation(MepSettings s) {
        for (Map.Entry<MepAlarmPreset, Integer> e : consecutive.entrySet()) {
            MepAlarmPreset p = e.getKey();
            if (s.repeatTrain() && p.priority() == org.openionm.core.processing.AlarmCondition.Priority.HIGH
                    && e.getValue() > 0 && e.getValue() < s.trainsToConfirm(p) && !active.getOrDefault(p, false)) {
                return true;
            }
        }
        return false;
    }

    /** Presets currently active, e.g. to clear them when the baseline is re-captured. */
    List<MepAlarmPreset> activePresets() {
        return active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    static List<MepAlarmPreset> enabled(MepSettings s) {
        List<MepAlarmPreset> list = new ArrayList<>(List.of(MepAlarmPreset.LOSS, s.amplitudePreset()));
        if (s.thresholdEnabled()) {
            list.add(MepAlarmPreset.THRESHOLD);
        }
        if (s.morphologyEnabled()) {
            list.add(MepAlarmPreset.MORPHOLOGY);
        }
        return list;
    }

    /** A train that does not meet {@code p} counts towards clearing it only past the clear margin (amplitude and loss). */
    static boolean recovered(MepAlarmPreset p, MuscleResponse r, MepBaseline base, MepSettings s) {
        return switch (p) {
            case AMPLITUDE_SPINAL -> decreasePct(r, base) < s.amplitudeSpinalPct() - s.clearMarginPct();
            case AMPLITUDE_BRAIN -> decreasePct(r, base) < s.amplitudeBrainPct() - s.clearMarginPct();
            // a response back at a few percent of baseline is no recovery from its loss
            case LOSS -> r.present() && decreasePct(r, base) < (s.amplitudePreset() == MepAlarmPreset.AMPLITUDE_BRAIN
                    ? s.amplitudeBrainPct() : s.amplitudeSpinalPct()) - s.clearMarginPct();
            case THRESHOLD, MORPHOLOGY -> true;
        };
    }

    static String clearRule(MepAlarmPreset p, MepSettings s) {
        return switch (p) {
            case AMPLITUDE_SPINAL -> "clears below " + MepSettings.num(s.amplitudeSpinalPct() - s.clearMarginPct()) + " % decrease";
            case AMPLITUDE_BRAIN -> "clears below " + MepSettings.num(s.amplitudeBrainPct() - s.clearMarginPct()) + " % decrease";
            case LOSS -> "response present and past the amplitude clear line";
            case THRESHOLD, MORPHOLOGY -> "criterion no longer met";
        };
    }

    /** TRUE met, FALSE not met, null cannot be judged on this train. */
    static Boolean met(MepAlarmPreset p, MuscleResponse r, double thresholdV, MepBaseline base, MepSettings s) {
        return switch (p) {
            case LOSS -> !r.present();
            // Loss supersedes the amplitude rule: an absent response is judged by the loss rule alone,
            // so a lost muscle raises one alarm, not two (an amplitude alarm already active keeps its state)
            case AMPLITUDE_SPINAL -> r.present() ? decreasePct(r, base) > s.amplitudeSpinalPct() : null;
            case AMPLITUDE_BRAIN -> r.present() ? decreasePct(r, base) > s.amplitudeBrainPct() : null;
            case THRESHOLD -> Double.isNaN(thresholdV) || Double.isNaN(base.thresholdV()) ? null
                    : thresholdV - base.thresholdV() >= s.thresholdRiseV();
            case MORPHOLOGY -> !r.present() || base.phases() < 2 ? null
                    : r.phases() <= 1 || r.phases() <= base.phases() * (1 - s.morphologyDropPct() / 100.0);
        };
    }

    static double decreasePct(MuscleResponse r, MepBaseline base) {
        return r.present() ? 100 * (1 - r.p2pUv() / base.p2pUv()) : 100;
    }

    static String values(MepAlarmPreset p, MuscleResponse r, double thresholdV, MepBaseline base, String muscle) {
        return switch (p) {
            case LOSS, AMPLITUDE_SPINAL, AMPLITUDE_BRAIN -> r.present()
                    ? String.format("%s p2p %.0f uV (%+.0f %%)", muscle, r.p2pUv(), -decreasePct(r, base))
                    : String.format("%s no response (p2p %.0f uV, %+.0f %% of baseline p2p; noise p2p %.0f uV)",
                            muscle, r.p2pUv(), -100 * (1 - r.p2pUv() / base.p2pUv()), r.noiseP2pUv());
            case THRESHOLD -> String.format("%s threshold %s V (%+.0f V)", muscle,
                    Double.isNaN(thresholdV) ? "unknown" : MepSettings.num(thresholdV), thresholdV - base.thresholdV());
            case MORPHOLOGY -> String.format("%s %d phases (baseline %d)", muscle, r.phases(), base.phases());
        };
    }
}
