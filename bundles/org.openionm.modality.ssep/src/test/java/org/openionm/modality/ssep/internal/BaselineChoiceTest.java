package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.BaselineCandidate;
import org.openionm.core.processing.BaselineChoice;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * Issue 16, item 7: the user picks which averages form a baseline. Four independent block averages,
 * the newest 70 % above the others (as the tibial P37 of the issue): the candidates list all four
 * with the newest marked as the outlier; a baseline of the three others is exactly their mean (from
 * the published measurements), its provenance names them, the manual choice and the user, and no
 * outlier advisory is raised.
 */
class BaselineChoiceTest {

    final SsepProcessor processor = new SsepProcessor();
    final RecordingProcessorOutput out = new RecordingProcessorOutput();
    final Synthetic data = new Synthetic(7, 2);

    @Test
    void aBaselineOfTheChosenAveragesIsTheirMeanAndSaysWhoChoseWhich() {
        processor.start(new TestProcessorContext(data.channels, SsepAlarmTest.BLOCK, out));
        data.sweeps(processor, 3 * SsepAlarmTest.N);
        data.corticalAmp = 1.7;
        data.sweeps(processor, SsepAlarmTest.N);

        List<BaselineCandidate> candidates = processor.baselineCandidates(Synthetic.SITE, Synthetic.CONTRA);
        assertEquals(4, candidates.size(), candidates.toString());
        assertEquals(List.of(false, false, false, true), candidates.stream().map(BaselineCandidate::isOutlier).toList(),
                "the newest is the outlier: " + candidates);
        assertEquals("N20", candidates.get(0).component());
        assertEquals("N20–P25", candidates.get(0).definition());
        List<Measurement> n20 = out.measurements().stream().filter(m -> m.channel().equals(Synthetic.CONTRA)
                && m.component().equals("N20")).toList();
        for (BaselineCandidate c : candidates) {
            Measurement m = n20.stream().filter(x -> x.timeSeconds() == c.timeSeconds()).findFirst().orElseThrow();
            assertEquals(m.amplitudeUv(), c.amplitudeUv(), 1e-12, "the published amplitude of that average");
            assertEquals(m.latencyMs(), c.latencyMs(), 1e-12);
        }

        List<BaselineCandidate> agreeing = candidates.stream().filter(c -> !c.isOutlier()).toList();
        double expectedAmp = agreeing.stream().mapToDouble(BaselineCandidate::amplitudeUv).sum() / 3;
        double expectedLat = agreeing.stream().mapToDouble(BaselineCandidate::latencyMs).sum() / 3;
        double capture = data.nowSeconds();
        processor.captureBaseline(capture, new BaselineChoice(Synthetic.SITE, Synthetic.CONTRA,
                agreeing.stream().map(BaselineCandidate::timeSeconds).toList(), "dr.jones"));

        Baseline b = processor.baselines().stream().filter(x -> x.channel().equals(Synthetic.CONTRA)
                && x.component().equals("N20")).findFirst().orElseThrow();
        assertEquals(expectedAmp, b.amplitudeUv(), 1e-9, "the mean over the three chosen averages");
        assertEquals(expectedLat, b.latencyMs(), 1e-9);
        double allFour = candidates.stream().mapToDouble(BaselineCandidate::amplitudeUv).sum() / 4;
        assertNotEquals(allFour, b.amplitudeUv(), 1e-3, "not the mean with the outlier in it");
        String selection = b.settings().get(SsepProcessor.BASELINE_SELECTION);
        assertTrue(selection.startsWith("manual: 3 of 4 recent averages, completed at "), selection);
        for (BaselineCandidate c : agreeing) {
            assertTrue(selection.contains(String.format(java.util.Locale.ROOT, "%.1f", c.timeSeconds())), selection);
        }
        assertTrue(selection.endsWith(" s, chosen by dr.jones"), selection);
        assertTrue(b.settings().get(SsepProcessor.BASELINE_QUALITY).startsWith("agree within ±25 % amplitude"),
                b.settings().get(SsepProcessor.BASELINE_QUALITY));
        assertEquals(List.of(), out.alarms().stream().filter(a -> a.criterion().equals(SsepProcessor.OUTLIER_CRITERION))
                .toList(), "the chosen averages agree: no advisory");
        assertEquals(capture, out.baselines().get(out.baselines().size() - 1).timeSeconds(), "the baseline trace is published");
        assertEquals(String.format(java.util.Locale.ROOT, "N20–P25: mean of 3 averages completed %.1f–%.1f s",
                agreeing.get(0).timeSeconds(), agreeing.get(2).timeSeconds()), b.settings().get("baseline.averages"));

        // the other channels keep what they had (none captured here)
        assertTrue(processor.baselines().stream().allMatch(x -> x.channel().equals(Synthetic.CONTRA)),
                "only the chosen channel got a baseline");
    }

    @Test
    void choosingTheOutlierRaisesTheAdvisoryAndAnUnknownTimeIsRefused() {
        processor.start(new TestProcessorContext(data.channels, SsepAlarmTest.BLOCK, out));
        data.sweeps(processor, 3 * SsepAlarmTest.N);
        data.corticalAmp = 1.7;
        data.sweeps(processor, SsepAlarmTest.N);
        List<BaselineCandidate> candidates = processor.baselineCandidates(Synthetic.SITE, Synthetic.CONTRA);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> processor.captureBaseline(1,
                new BaselineChoice(Synthetic.SITE, Synthetic.CONTRA, List.of(12345.0), "dr.jones")));
        assertTrue(e.getMessage().contains("no recent average of median.left CP4-Fpz completed at 12345.000 s"), e.getMessage());
        assertEquals(List.of(), processor.baselines(), "nothing captured");

        processor.captureBaseline(data.nowSeconds(), new BaselineChoice(Synthetic.SITE, Synthetic.CONTRA,
                candidates.stream().map(BaselineCandidate::timeSeconds).toList(), "dr.jones"));
        List<AlarmCondition> advisories = out.alarms().stream().filter(a -> a.criterion().equals(SsepProcessor.OUTLIER_CRITERION))
                .toList();
        assertEquals(1, advisories.size(), "all four chosen, the outlier among them: the advisory names it");
        assertTrue(advisories.get(0).active());
        assertFalse(processor.baselines().isEmpty());
    }
}
