package org.openionm.cli.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.TrendPoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * {@code openionm bench eeg}: CPU of the installed EEG processor (service id {@code eeg}) at 32 EEG
 * channels, as a share of one core, at 1 kHz and at 20 kHz input: 10 s of noise blocks (50 ms,
 * 20 µV RMS) generated beforehand and fed for {@code seconds} of signal on this thread, with its
 * default settings, results counted and dropped. Skipped with a note when EEG is not installed.
 */
final class EegBench {

    private final BenchReport r;

    EegBench(BenchReport r) {
        this.r = r;
    }

    boolean run(double seconds) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(EegBench.class).getBundleContext();
        ServiceReference<ModalityProcessor> held = Services.processorReference("eeg");
        ModalityProcessor eeg = held == null ? null : context.getService(held);
        r.printf("## EEG processor (32 channels, %.0f s of signal per rate, one thread)%n%n", seconds);
        r.json.key("eeg").begin('{');
        if (eeg == null) {
            if (held != null) {
                context.ungetService(held);
            }
            r.printf("EEG modality not installed: skipped%n%n");
            r.json.field("installed", "no").end('}');
            return true;
        }
        try {
            r.printf("| input | CPU of one core | results per second |%n|---|---|---|%n");
            boolean ok = true;
            for (double rate : new double[] { 1000, 20_000 }) {
                double[] share = measure(eeg, rate, 32, seconds);
                r.printf("| 32 ch × %.0f Hz | %s %% | %s |%n", rate, BenchReport.num("%.2f", 100 * share[0]),
                        BenchReport.num("%.0f", share[1]));
                r.json.field("cpuPercent" + (int) rate + "Hz", 100 * share[0]);
                ok &= share[1] > 0;
            }
            r.printf("%n");
            r.json.end('}');
            return ok;
        } finally {
            context.ungetService(held);
        }
    }

    /** {CPU share of one core, results per second of signal}. */
    private static double[] measure(ModalityProcessor p, double rate, int channels, double seconds) {
        List<Channel> list = new ArrayList<>();
        String[] names = { "F3", "F4", "C3", "C4", "P3", "P4", "O1", "O2" };
        for (int c = 0; c < channels; c++) {
            list.add(new Channel(c, names[c % 8] + (c < 8 ? "" : "." + c / 8) + "-Cz", "uV", rate, -3200, 3200, ChannelRole.EEG));
        }
        long[] results = new long[1];
        ProcessorOutput out = new ProcessorOutput() {
            @Override public void measurement(Measurement m) { results[0]++; }
            @Override public void average(AverageTrace a) { results[0]++; }
            @Override public void trend(TrendPoint t) { results[0]++; }
            @Override public void alarm(AlarmCondition c) { results[0]++; }
        };
        Services.startWithDefaults(p, list, out);
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
        long n = Math.round(seconds * 20);
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (long k = 0; k < n; k++) {
            p.onBlock(new SampleBlock(k * block, 0, blocks[(int) (k % blocks.length)]));
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        p.stop();
        return new double[] { cpu / seconds, results[0] / seconds };
    }
}
