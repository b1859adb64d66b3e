package org.openionm.modality.eeg.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.testkit.TestProcessorContext;

/**
 * Not a test: CPU of the EEG processor at 32 channels, as a share of one core, at 1 kHz and 20 kHz
 * input (10 s of noise blocks of 50 ms, generated beforehand and replayed for {@code seconds}).
 * Run with {@code java -cp <classes, test-classes, core, dsp, testkit, commons-math3> ...EegBenchmark [seconds]}.
 */
public final class EegBenchmark {

    private EegBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 600;
        for (double rate : new double[] { 1000, 20_000 }) {
            for (int round = 0; round < 2; round++) {
                System.out.printf("32 ch x %.0f Hz: %.2f %% of one core%n", rate, 100 * cpuShare(rate, 32, seconds));
            }
        }
    }

    static double cpuShare(double rate, int channels, double seconds) {
        List<Channel> list = new ArrayList<>();
        String[] names = { "F3", "F4", "C3", "C4", "P3", "P4", "O1", "O2" };
        for (int c = 0; c < channels; c++) {
            list.add(new Channel(c, names[c % 8] + (c / 8 == 0 ? "" : "x" + c / 8) + "-Cz", "uV", rate, -3200, 3200, ChannelRole.EEG));
        }
        EegProcessor p = new EegProcessor();
        p.start(TestProcessorContext.withDefaults(p, list, Map.of(), new Discard()));
        int block = (int) (rate / 20);
        SplittableRandom random = new SplittableRandom(1);
        float[][][] blocks = new float[200][channels][block];
        for (float[][] b : blocks) {
            for (float[] ch : b) {
                for (int i = 0; i < block; i++) {
                    ch[i] = (float) (20 * random.nextGaussian());
                }
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long n = Math.round(seconds * 20);
        for (long k = 0; k < n; k++) {
            p.onBlock(new SampleBlock(k * block, 0, blocks[(int) (k % blocks.length)]));
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return cpu / seconds;
    }

    /** Drops everything: a benchmark measures the processor, not a list. */
    private static final class Discard implements org.openionm.core.processing.ProcessorOutput {
        @Override
        public void measurement(org.openionm.core.processing.Measurement m) {
        }

        @Override
        public void average(org.openionm.core.processing.AverageTrace a) {
        }

        @Override
        public void trend(org.openionm.core.processing.TrendPoint t) {
        }

        @Override
        public void alarm(org.openionm.core.processing.AlarmCondition c) {
        }
    }
}
