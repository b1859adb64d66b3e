package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.dsp.Butterworth;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/** Lower limb: popliteal fossa, N34 cervical, P37/N45 on CPz, 100 ms sweeps, 500-sweep averages. */
class SsepTibialTest {

    @Test
    void p37AndN45OnCpzWithPoplitealAndCervical() {
        double fs = Synthetic.FS;
        List<Channel> channels = List.of(
                new Channel(0, "Popliteal-L", Channel.MICROVOLT, fs, -3200, 3200, ChannelRole.SSEP_PERIPHERAL),
                new Channel(1, "Cv5-Fpz", Channel.MICROVOLT, fs, -3200, 3200, ChannelRole.SSEP_SUBCORTICAL),
                new Channel(2, "CPz-Fpz", Channel.MICROVOLT, fs, -3200, 3200, ChannelRole.SSEP_CORTICAL),
                new Channel(3, "Popliteal-R", Channel.MICROVOLT, fs, -3200, 3200, ChannelRole.SSEP_PERIPHERAL));
        SsepProcessor p = new SsepProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(new TestProcessorContext(channels, Map.of(), out));
        Random rng = new Random(11);
        long next = 0;
        for (int s = 0; s < 500; s++) {
            p.onStimulus(StimulusEvent.single("tibial.left", next, 40, "mA", 200));
            p.onStimulus(StimulusEvent.single("tcmep.C3C4", next, 200, "V", 50)); // not ours: ignored
            float[][] x = new float[4][Synthetic.PERIOD];
            for (int i = 0; i < Synthetic.PERIOD; i++) {
                double ms = i * 1000 / fs;
                for (int c = 0; c < 4; c++) {
                    x[c][i] = (float) (300 * Math.exp(-ms / 0.3) + 1.5 * rng.nextGaussian());
                }
                x[0][i] += (float) Synthetic.gauss(ms, 8.5, -3.0, 4);
                x[1][i] += (float) Synthetic.gauss(ms, 33.5, -1.0, 6);
                x[2][i] += (float) (Synthetic.gauss(ms, 38.0, 1.5, 6) + Synthetic.gauss(ms, 46.0, -1.2, 8));
            }
            p.onBlock(new SampleBlock(next, 0, x));
            next += Synthetic.PERIOD;
        }
        assertEquals(3, out.averages().size(), "Popliteal-R is contralateral to the left tibial nerve: no average");
        assertEquals(1000, out.averages().get(0).samplesUv().length, "100 ms window at 10 kHz");
        Measurement p37 = out.lastMeasurement("CPz-Fpz", "P37");
        Measurement pf = out.lastMeasurement("Popliteal-L", "PF");
        Measurement n34 = out.lastMeasurement("Cv5-Fpz", "N34");
        assertNotNull(p37);
        System.out.printf("tibial: PF %.2f ms, N34 %.2f ms, P37 %.2f ms, P37-N45 %.2f uV (true 2.7)%n",
                pf.latencyMs(), n34.latencyMs(), p37.latencyMs(), p37.amplitudeUv());
        assertEquals(38.0, p37.latencyMs(), 0.2);
        // the 30 Hz zero-phase high-pass shrinks these broad components: compare with the same
        // components, noise-free, through the same filter as well as with the raw truth
        float[] clean = new float[1000];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) (Synthetic.gauss(i / 10.0, 38.0, 1.5, 6) + Synthetic.gauss(i / 10.0, 46.0, -1.2, 8));
        }
        float[] f = Butterworth.bandPass(2, 30, 1000, fs).filtfilt(clean);
        double filteredTruth = f[380] - f[460];
        System.out.printf("tibial: P37-N45 filtered truth %.3f uV%n", filteredTruth);
        assertEquals(filteredTruth, p37.amplitudeUv(), 0.03 * filteredTruth);
        assertEquals(2.7, p37.amplitudeUv(), 0.27);
        assertEquals("P37–N45", p37.provenance().settings().get("amplitude.definition"));
        assertEquals(8.5, pf.latencyMs(), 0.1);
        assertEquals(33.5, n34.latencyMs(), 0.3);
        assertEquals(500, p37.sweepsUsed());
        assertTrue(p37.provenance().settings().get("filter").contains("30–1000 Hz"));
        assertTrue(pf.provenance().settings().get("filter").contains("30–3000 Hz"));
    }
}
