package org.openionm.modality.eeg.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;

/**
 * What one repaint of a full density spectral array costs (issue 12: the DSA must not make the raw
 * traces stutter at 30 frames/s). A benchmark run by hand under Xvfb, not a test:
 * {@code java -cp <swt>:<core>:<processing>:target/classes:target/test-classes
 * org.openionm.modality.eeg.ui.DsaPaintBenchmark [derivations] [width] [height]}.
 * The part repaints the DSA every 500 ms; a paint on the UI thread delays the trace frames queued
 * behind it by at most its own duration.
 */
public final class DsaPaintBenchmark {

    private DsaPaintBenchmark() {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** UI-thread CPU milliseconds of the last {@link #paintOnce}: on a loaded machine the wall time waits for the cores too. */
    private static double lastCpuMs;

    /** Milliseconds from a redraw request until the canvas has painted once more. */
    private static double paintOnce(Display display, DsaCanvas canvas) {
        long before = canvas.paintCount();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        canvas.redraw();
        while (canvas.paintCount() == before) {
            if (!display.readAndDispatch()) {
                canvas.update();
            }
        }
        lastCpuMs = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        return (System.nanoTime() - t0) / 1e6;
    }

    public static void main(String[] args) {
        int derivations = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        EegModel model = new EegModel();
        Provenance p = new Provenance("bench", Map.of());
        SplittableRandom random = new SplittableRandom(4);
        for (int e = 0; e < EegModel.MAX_COLUMNS; e++) { // the full 160 minutes the model keeps
            double t = 2 * (e + 1);
            for (int d = 0; d < derivations; d++) {
                model.accept(new AverageTrace(t, "eeg", "spectrum", "D" + d, spectrum(random), 2, 1, 0, p));
                model.accept(Measurement.quantity(t, "eeg", "", "D" + d, "SEF95", 12, "Hz", p));
            }
        }
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        DsaCanvas canvas = new DsaCanvas(shell, model);
        shell.setSize(width, height);
        shell.open();
        for (int i = 0; i < 100; i++) { // warm-up (the JIT: on a loaded machine 20 were not enough)
            paintOnce(display, canvas);
        }
        double[] ms = new double[100];
        double[] cpu = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = paintOnce(display, canvas);
            cpu[i] = lastCpuMs;
        }
        report("no new epoch", ms, cpu, derivations, width, height, canvas);
        // live: a new epoch on every derivation (every 2 s), then the repaint that shows it
        for (int i = 0; i < ms.length; i++) {
            double t = 2 * (EegModel.MAX_COLUMNS + i + 1);
            for (int d = 0; d < derivations; d++) {
                model.accept(new AverageTrace(t, "eeg", "spectrum", "D" + d, spectrum(random), 2, 1, 0, p));
                model.accept(Measurement.quantity(t, "eeg", "", "D" + d, "SEF95", 12, "Hz", p));
            }
            ms[i] = paintOnce(display, canvas);
            cpu[i] = lastCpuMs;
        }
        report("one new epoch per derivation", ms, cpu, derivations, width, height, canvas);
        System.out.printf(Locale.ROOT, "row images rebuilt %d times in %d paints%n", canvas.rowRebuilds(), canvas.paintCount());
        display.dispose();
    }

    private static float[] spectrum(SplittableRandom random) {
        float[] psd = new float[61];
        for (int k = 0; k < psd.length; k++) {
            psd[k] = (float) (100 / (1 + k) * random.nextDouble(0.5, 1.5));
        }
        return psd;
    }

    private static void report(String what, double[] ms, double[] cpu, int derivations, int width, int height, DsaCanvas canvas) {
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "DSA repaint (%s), %d derivations x %d epochs, %d x %d px: median %.1f ms, p95 %.1f ms,"
                + " max %.1f ms (%d paints); every 500 ms that is %.1f %% of the UI thread; UI-thread CPU per repaint median"
                + " %.1f ms, p95 %.1f ms%n", what, derivations, EegModel.MAX_COLUMNS, width, height, ms[ms.length / 2],
                ms[(int) (ms.length * 0.95)], ms[ms.length - 1], canvas.paintCount(), ms[ms.length / 2] / 5, cpu[cpu.length / 2],
                cpu[(int) (cpu.length * 0.95)]);
    }
}
