package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.dsp.ArtifactRejector;
import org.openionm.dsp.ArtifactRule;
import org.openionm.dsp.Butterworth;
import org.openionm.dsp.SosFilter;
import org.openionm.dsp.Verdict;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * The electrocautery check became a causal high-pass (dsp 0.4.0, issue 13 re-analysis speed) instead
 * of the zero-phase filtfilt; the rule needs the power above the corner, not its phase. Checked sweep
 * by sweep on the simulator's cautery bursts against the scenario's own TRUTH annotations of when
 * cautery ran, with the SSEP defaults (2 kHz, 30 µV rms, 10 kHz sampling, 8 SSEP channels, four
 * sites at 3.17 Hz): every channel-sweep entirely inside a burst is flagged, none outside every burst
 * is (the recovery from the rails after a burst included), and the causal check flags exactly the
 * sweeps the filtfilt check flagged, edge sweeps that straddle a burst's start or end included.
 */
class CauteryCausalAgreementTest {

    private static final double FS = 10_000;

    @TempDir
    Path dir;

    @Test
    void theCausalCheckFlagsTheSameSweepsAsFiltfiltAndMatchesTheBurstTruth() throws Exception {
        StringBuilder y = new StringBuilder(SimulatedChanges.scenario(70, Map.of()).replace("events: []\n", "events:\n"));
        y.append("""
                  - {at: 10, type: cautery, durationSeconds: 3}
                  - {at: 24.3, type: cautery, durationSeconds: 1}
                  - {at: 41.7, type: cautery, durationSeconds: 5}
                  - {at: 60, type: cautery, durationSeconds: 0.2}
                """);
        Path file = Files.writeString(dir.resolve("cautery.yaml"), y.toString());
        SweepCollector sweeps = new SweepCollector();
        ReplayResult r = Replay.of(new SimulatedAmplifier(), new AcquisitionConfig(FS, 8, false,
                Map.of("scenario", file.toString(), "seed", "3"))).processors(sweeps).run();
        assertEquals(Map.of(), r.processorFailures());

        List<long[]> bursts = bursts(r.annotations());
        assertEquals(4, bursts.size(), r.annotations().toString());

        Map<String, Double> s = SsepSettings.numbers(SsepSettings.effective(Map.of()));
        double hp = Math.min(s.get(SsepSettings.CAUTERY_HP), 0.45 * FS);
        double threshold = s.get(SsepSettings.CAUTERY_RMS);
        double blankingMs = s.get(SsepSettings.BLANKING);
        SosFilter zeroPhase = Butterworth.highPass(4, hp, FS);
        int inside = 0, outside = 0, edge = 0, flaggedInside = 0, flaggedOutside = 0, agree = 0, total = 0;
        for (SweepCollector.Sweep sw : sweeps.done) {
            for (int c = 0; c < sw.data().length; c++) {
                Channel ch = sweeps.channels.get(c);
                float[] x = sw.data()[c];
                Verdict causal = new ArtifactRejector(ch, blankingMs, List.of(new ArtifactRule.Cautery(hp, threshold))).check(x);
                boolean now = !causal.accepted();
                boolean before = filtfiltFlags(zeroPhase, x, blankingMs, threshold);
                total++;
                if (now == before) {
                    agree++;
                }
                long end = sw.start() + x.length;
                boolean in = bursts.stream().anyMatch(b -> sw.start() >= b[0] && end <= b[1]);
                boolean out = bursts.stream().noneMatch(b -> sw.start() < b[1] && end > b[0]);
                if (in) {
                    inside++;
                    flaggedInside += now ? 1 : 0;
                } else if (out) {
                    outside++;
                    flaggedOutside += now ? 1 : 0;
                } else {
                    edge++;
                }
            }
        }
        System.out.printf("channel-sweeps: %d (%d inside a burst, %d outside all, %d straddling an edge); "
                + "causal flags %d/%d inside, %d/%d outside; agreement with filtfilt %d/%d%n",
                total, inside, outside, edge, flaggedInside, inside, flaggedOutside, outside, agree, total);
        assertTrue(inside > 8 * 4 * 3 * 8, "sweeps inside the bursts: " + inside);
        assertTrue(outside > 8 * 4 * 3 * 50, "clean sweeps: " + outside);
        assertTrue(edge > 0, "some sweeps straddle a burst's edge: " + edge);
        assertEquals(inside, flaggedInside, "every sweep inside a burst is flagged");
        assertEquals(0, flaggedOutside, "no clean sweep is flagged");
        assertEquals(total, agree, "the causal check flags exactly the sweeps filtfilt flagged");
    }

    /** The check as it was until dsp 0.3.1: blanked as the rejector does, zero-phase high-pass, RMS. */
    private static boolean filtfiltFlags(SosFilter zeroPhase, float[] sweep, double blankingMs, double threshold) {
        float[] x = sweep.clone();
        int from = Math.min((int) Math.ceil(blankingMs * FS / 1000), x.length);
        if (from > 0 && from < x.length) {
            Arrays.fill(x, 0, from, x[from]);
        }
        float[] hf = zeroPhase.filtfilt(Arrays.copyOfRange(x, from, x.length));
        double sum = 0;
        for (float v : hf) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / hf.length) > threshold;
    }

    /** [start, end) sample index of each burst, from the simulator's TRUTH annotations. */
    private static List<long[]> bursts(List<Annotation> annotations) {
        List<Long> starts = annotations.stream().filter(a -> a.text().startsWith("TRUTH cautery")).map(Annotation::sampleIndex).toList();
        List<Long> ends = annotations.stream().filter(a -> a.text().startsWith("TRUTH end cautery")).map(Annotation::sampleIndex).toList();
        assertEquals(starts.size(), ends.size(), annotations.toString());
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(new long[] { starts.get(i), ends.get(i) });
        }
        return out;
    }

    /** Cuts every SSEP stimulus's sweep (the SSEP window: 50 ms upper, 100 ms lower limb) on every SSEP channel. */
    static final class SweepCollector implements ModalityProcessor {

        record Sweep(long start, float[][] data) {
        }

        private record Pending(long start, float[][] data, long[] filled) {
        }

        final List<Channel> channels = new ArrayList<>();
        final List<Sweep> done = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();

        @Override public String id() { return "test.sweeps"; }

        @Override public String displayName() { return "sweep collector (test)"; }

        @Override
        public Set<ChannelRole> acceptedRoles() {
            return Set.of(ChannelRole.SSEP_PERIPHERAL, ChannelRole.SSEP_SUBCORTICAL, ChannelRole.SSEP_CORTICAL);
        }

        @Override public List<SettingDescriptor> settings() { return List.of(); }

        @Override
        public synchronized void start(ProcessorContext context) {
            context.channels().stream().filter(c -> acceptedRoles().contains(c.role())).forEach(channels::add);
        }

        @Override
        public synchronized void onStimulus(StimulusEvent event) {
            StimSite.parse(event.siteId()).ifPresent(site -> {
                int length = (int) Math.round((site.upperLimb() ? 50 : 100) * FS / 1000);
                pending.add(new Pending(event.sampleIndex(), new float[channels.size()][length], new long[1]));
            });
        }

        @Override
        public synchronized void onBlock(SampleBlock block) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                int length = p.data()[0].length;
                long from = Math.max(p.start(), block.firstSampleIndex());
                long to = Math.min(p.start() + length, block.endSampleIndex());
                if (to > from) {
                    for (int c = 0; c < channels.size(); c++) {
                        System.arraycopy(block.channel(channels.get(c).index()), (int) (from - block.firstSampleIndex()),
                                p.data()[c], (int) (from - p.start()), (int) (to - from));
                    }
                    p.filled()[0] += to - from;
                }
                if (p.filled()[0] == length) {
                    done.add(new Sweep(p.start(), p.data()));
                    it.remove();
                }
            }
        }

        @Override
        public synchronized void onGap(DataGap gap) {
            pending.clear(); // a sweep across missing data is never judged
        }

        @Override
        public void stop() {
        }
    }
}
