package org.openionm.modality.eeg.ui;

import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/**
 * The EEG tab as the Live perspective lays it out on a 1280 × 800 screen (raw signals 36 %, Modalities
 * 36 %, Alarms 28 % of the width), filled with 40 minutes of synthetic epochs with a clamp: for looking at
 * it (screenshots), run by hand under a display like {@link DsaPaintBenchmark}. Not a test.
 */
public final class EegPartLook {

    private EegPartLook() {
    }

    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 1280;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        EegModel model = EegModel.shared();
        Provenance p = new Provenance("look", Map.of());
        SplittableRandom random = new SplittableRandom(2);
        String[] derivations = { "Fp1-C3", "C3-O1", "Fp2-C4", "C4-O2" };
        for (int e = 0; e < 1200; e++) {
            double t = 2 * (e + 1);
            for (int d = 0; d < derivations.length; d++) {
                boolean clamped = d < 2 && t > 1200 && t < 1500;
                float[] psd = new float[61];
                for (int k = 0; k < psd.length; k++) {
                    double hz = k / 2.0;
                    double alpha = clamped ? 0 : 40 * Math.exp(-(hz - 10) * (hz - 10) / 4);
                    psd[k] = (float) ((30 / (1 + hz) + alpha + (clamped && hz < 4 ? 60 : 0)) * random.nextDouble(0.6, 1.4));
                }
                model.accept(new AverageTrace(t, "eeg", "spectrum", derivations[d], psd, 2, 1, 0, p));
                model.accept(Measurement.quantity(t, "eeg", "", derivations[d], "SEF95", clamped ? 6 : 14 + random.nextDouble(-1, 1),
                        "Hz", p));
                model.accept(new TrendPoint(t, "eeg", derivations[d] + "/BSR", clamped ? 0 : 2 * random.nextDouble(), "%"));
            }
            model.accept(new TrendPoint(t, "eeg", "C3-O1|C4-O2/asymmetry", t > 1200 && t < 1500 ? 0.35 : 0.05 * random.nextDouble(), "1"));
            model.accept(new TrendPoint(t, "eeg", "Fp1-C3|Fp2-C4/asymmetry", t > 1200 && t < 1500 ? 0.3 : 0.05 * random.nextDouble(), "1"));
        }
        model.mark(1200, "clamp on");
        model.mark(1500, "clamp off");
        Display display = new Display();
        Shell shell = new Shell(display, SWT.NO_TRIM);
        shell.setLayout(new FillLayout());
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        new Label(sash, SWT.NONE).setText("Raw signals");
        Composite modalities = new Composite(sash, SWT.NONE);
        new Label(sash, SWT.NONE).setText("Alarms");
        sash.setWeights(36, 36, 28);
        new EegPart().create(modalities);
        shell.setBounds(0, 0, width, height);
        shell.open();
        long until = System.currentTimeMillis() + (args.length > 2 ? Long.parseLong(args[2]) : 8000);
        while (!shell.isDisposed() && System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.dispose();
    }
}
