package org.openionm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;

/**
 * Issue 13, "open an 8-hour case": a re-analysis must not hold every average's samples in the heap
 * (they were about 60 % of what it held), yet Review and the report must get the same averages back.
 */
class CollectorMemoryTest {

    private static final int AVERAGES = 300;
    private static final int SAMPLES = 1000; // a 100 ms lower-limb SSEP window at 10 kHz

    /** Average {@code i}: samples that differ per average and per sample, so a mix-up shows. */
    private static AverageTrace average(int i) {
        float[] s = new float[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            s[k] = (float) Math.sin(0.01 * k + i) * (1 + i) + k * 1e-3f;
        }
        return new AverageTrace(120.0 + i, i % 3 == 0 ? "mep" : "ssep", "site" + (i % 4), "ch" + (i % 32), s, 10_000,
                200 + i, i % 7, new Provenance("ssep 0.4.0", Map.of("filter", "30-1000 Hz", "n", Integer.toString(i))));
    }

    private static CaseAnalysis analysis(RecordingAnalyzer.Collector c) {
        return new CaseAnalysis(1, Path.of("case.bdf"), 3600, 120, "test", Map.of(), Map.of(), c.measurements,
                c.averages, c.baselines, c.trends, c.events, List.of(), c.failures);
    }

    @Test
    void theAnalysisGivesBackEveryAverageExactly() {
        RecordingAnalyzer.Collector c = new RecordingAnalyzer.Collector(() -> { });
        c.acquisitionStarted();
        for (int i = 0; i < AVERAGES; i++) {
            c.average(average(i));
        }
        CaseAnalysis a = analysis(c);
        assertEquals(AVERAGES, a.averages().size());
        for (int i = 0; i < AVERAGES; i++) {
            AverageTrace expected = average(i);
            AverageTrace got = a.averages().get(i);
            assertArrayEquals(expected.samplesUv(), got.samplesUv(), 0f, "samples of average " + i);
            assertEquals(expected.timeSeconds(), got.timeSeconds());
            assertEquals(expected.modality(), got.modality());
            assertEquals(expected.site(), got.site());
            assertEquals(expected.channel(), got.channel());
            assertEquals(expected.samplingRateHz(), got.samplingRateHz());
            assertEquals(expected.sweepsUsed(), got.sweepsUsed());
            assertEquals(expected.sweepsRejected(), got.sweepsRejected());
            assertEquals(expected.provenance(), got.provenance());
        }
        // iteration (Review's averages at the cursor, the report's waveforms) sees the same
        int i = 0;
        for (AverageTrace t : a.averages()) {
            assertEquals(120.0 + i++, t.timeSeconds());
        }
        assertEquals(AVERAGES, i);
    }

    @Test
    void theCollectorDoesNotKeepTheSamplesInTheHeap() {
        RecordingAnalyzer.Collector c = new RecordingAnalyzer.Collector(() -> { });
        c.acquisitionStarted();
        List<WeakReference<float[]>> handedOver = new ArrayList<>();
        for (int i = 0; i < AVERAGES; i++) {
            AverageTrace t = average(i);
            handedOver.add(new WeakReference<>(t.samplesUv()));
            c.average(t);
        }
        CaseAnalysis a = analysis(c);
        // held in memory, the arrays stay reachable from the analysis; spilled, a full GC clears them
        for (int attempt = 0; attempt < 20 && handedOver.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
        }
        for (int i = 0; i < AVERAGES; i++) {
            assertTrue(handedOver.get(i).get() == null, "the samples of average " + i + " are still held in the heap");
        }
        assertArrayEquals(average(AVERAGES - 1).samplesUv(), a.averages().get(AVERAGES - 1).samplesUv(), 0f);
        Path file = ((SpilledAverages) a.averages()).file();
        assertTrue(Files.isRegularFile(file));
        assertEquals((long) AVERAGES * SAMPLES * Float.BYTES, file.toFile().length(), "4 bytes per sample, nothing else");
    }

    private static AverageTrace at(double t, String channel, float uv) {
        return new AverageTrace(t, "ssep", "tibial-L", channel, new float[] {uv, -uv}, 5000, 200, 3,
                new Provenance("ssep test", Map.of()));
    }

    /** Review's averages at the cursor, chosen without reading every average back: hand-built truth. */
    @Test
    void eachChannelShowsItsLastAverageCompletedAtOrBeforeTheCursor() {
        RecordingAnalyzer.Collector c = new RecordingAnalyzer.Collector(() -> { });
        c.acquisitionStarted();
        c.average(at(10, "Cz'-Fz", 1));
        c.average(at(15, "CPi-Fz", 3));
        c.average(at(20, "Cz'-Fz", 2));
        c.average(at(40, "CPi-Fz", 4));
        CaseAnalysis a = analysis(c);
        assertTrue(a.averages() instanceof SpilledAverages);

        assertEquals(List.of(), a.averagesAt(5), "before the first average there is none to show");
        assertEquals(List.of("Cz'-Fz@10.0=1.0"), shown(a.averagesAt(12)));
        assertEquals(List.of("Cz'-Fz@20.0=2.0", "CPi-Fz@15.0=3.0"), shown(a.averagesAt(20)),
                "20 s: the average completed at exactly 20 s counts; order of first appearance");
        assertEquals(List.of("Cz'-Fz@20.0=2.0", "CPi-Fz@40.0=4.0"), shown(a.averagesAt(3600)));
        // the samples come back with the chosen averages, not the empty ones kept in memory
        assertArrayEquals(new float[] {4, -4}, a.averagesAt(3600).get(1).samplesUv(), 0f);
    }

    private static List<String> shown(List<AverageTrace> averages) {
        return averages.stream().map(t -> t.channel() + "@" + t.timeSeconds() + "=" + t.samplesUv()[0]).toList();
    }

    /**
     * Equal provenances become one instance, equal setting texts one string: the processors make them
     * anew for every result (here new String(...) stands for their String.format).
     */
    @Test
    void equalProvenancesAndSettingTextsAreHeldOnce() {
        RecordingAnalyzer.Collector c = new RecordingAnalyzer.Collector(() -> { });
        c.acquisitionStarted();
        for (int i = 0; i < 100; i++) {
            Map<String, String> settings = Map.of("filter", new String("30-1000 Hz"),
                    "baseline", new String("baseline at 120.0 s: 1.23 uV, 40.12 ms"),
                    "amplitude.change.percent", new String(i % 2 == 0 ? "-3.0" : "-4.0"));
            Provenance p = new Provenance(new String("ssep 0.4.0"), settings);
            c.measurement(new org.openionm.core.processing.Measurement(100 + i, "ssep", "tibial.left", "Cz'-Fz", "P40",
                    40.1, 1.2, 300, 2, p));
            c.average(new AverageTrace(100 + i, "ssep", "tibial.left", "Cz'-Fz", new float[] {i}, 10_000, 300, 2, p));
        }
        CaseAnalysis a = analysis(c);
        java.util.Set<Object> provenances = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Object> baselineTexts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        a.measurements().forEach(m -> {
            provenances.add(m.provenance());
            baselineTexts.add(m.provenance().settings().get("baseline"));
        });
        a.averages().forEach(t -> provenances.add(t.provenance()));
        assertEquals(2, provenances.size(), "two distinct settings (a change of -3.0 or -4.0 %), 200 results");
        assertEquals(1, baselineTexts.size(), "one baseline text");
        // nothing lost: every result still says what it said
        for (int i = 0; i < 100; i++) {
            assertEquals(i % 2 == 0 ? "-3.0" : "-4.0", a.measurements().get(i).provenance().settings().get("amplitude.change.percent"));
            assertEquals("baseline at 120.0 s: 1.23 uV, 40.12 ms", a.averages().get(i).provenance().settings().get("baseline"));
            assertEquals(i, a.averages().get(i).samplesUv()[0]);
            assertEquals(40.1, a.measurements().get(i).latencyMs());
            assertEquals(1.2, a.measurements().get(i).value());
        }
    }
}
