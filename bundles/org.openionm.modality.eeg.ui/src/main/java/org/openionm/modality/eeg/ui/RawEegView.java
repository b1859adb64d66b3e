package org.openionm.modality.eeg.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.ui.widgets.trace.TraceBuffer;
import org.openionm.ui.widgets.trace.TraceCanvas;

/**
 * Raw EEG as an electroencephalographer reads it: the chosen montage, a sensitivity in µV/mm and a
 * time base in mm/s (the screen's millimetres, from its DPI), unfiltered. Fed by its own engine
 * consumer into a {@link TraceBuffer}; repaints at ≈30 Hz only when data arrived.
 */
final class RawEegView {

    static final int[] SENSITIVITIES_UV_MM = { 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100 };
    static final int[] TIME_BASES_MM_S = { 15, 30, 60 };
    private static final double BUFFER_SECONDS = 30;
    private static final int FRAME_MS = 33;

    private final TraceCanvas canvas;
    private final Combo montageChoice;
    private final Combo sensitivityChoice;
    private final Combo timeBaseChoice;
    private final Label header;
    private volatile TraceBuffer buffer;
    private volatile RawMontage montage;
    private volatile List<Channel> channels = List.of();
    private ConsumerRegistration registration;
    private final Composite bar;

    RawEegView(Composite parent, AcquisitionEngine engine) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        // the EEG tab is narrow at 1280 px: the choices wrap to a second line rather than being cut
        bar = new Composite(box, SWT.NONE);
        RowLayout rows = new RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        rows.marginHeight = 0;
        bar.setLayout(rows);
        GridData barData = new GridData(SWT.FILL, SWT.TOP, true, false);
        barData.widthHint = 1; // take the width the tab gives, wrap inside it
        bar.setLayoutData(barData);
        header = new Label(bar, SWT.NONE);
        header.setText("Raw EEG, no filter");
        montageChoice = combo(bar, "Montage", new String[] { "Referential", "Bipolar (longitudinal)" }, 0);
        String[] sens = new String[SENSITIVITIES_UV_MM.length];
        for (int i = 0; i < sens.length; i++) {
            sens[i] = SENSITIVITIES_UV_MM[i] + " µV/mm";
        }
        sensitivityChoice = combo(bar, "Sensitivity", sens, 3);
        String[] speeds = new String[TIME_BASES_MM_S.length];
        for (int i = 0; i < speeds.length; i++) {
            speeds[i] = TIME_BASES_MM_S[i] + " mm/s";
        }
        timeBaseChoice = combo(bar, "Time base", speeds, 1);
        canvas = new TraceCanvas(box, SWT.NONE);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        montageChoice.addListener(SWT.Selection, e -> rebuild());
        sensitivityChoice.addListener(SWT.Selection, e -> applyScales());
        timeBaseChoice.addListener(SWT.Selection, e -> applyScales());
        canvas.addListener(SWT.Resize, e -> applyScales());
        if (engine == null) {
            header.setText("The acquisition engine is not installed: no EEG can be shown.");
            return;
        }
        registration = engine.addConsumer("EEG display", new Feed(), 200);
        // opened during an acquisition: show it from the next block on
        if (!engine.status().channels().isEmpty()) {
            channels = List.copyOf(engine.status().channels());
            rebuild();
        }
        canvas.getDisplay().timerExec(FRAME_MS, this::frame);
    }

    /** A label and its choice, kept together when the bar wraps. */
    private static Combo combo(Composite parent, String label, String[] items, int selected) {
        Composite pair = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(2, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        pair.setLayout(l);
        new Label(pair, SWT.NONE).setText(label);
        Combo c = new Combo(pair, SWT.READ_ONLY);
        c.setItems(items);
        c.select(selected);
        return c;
    }

    Composite bar() {
        return bar;
    }

    Combo timeBaseChoice() {
        return timeBaseChoice;
    }

    TraceCanvas canvas() {
        return canvas;
    }

    /** µV per mm chosen. */
    double sensitivityUvPerMm() {
        return SENSITIVITIES_UV_MM[sensitivityChoice.getSelectionIndex()];
    }

    private void frame() {
        if (canvas.isDisposed()) {
            return;
        }
        TraceBuffer b = buffer;
        if (b != null && b.newestIndex() != canvas.lastPaintedNewestIndex()) {
            canvas.redraw();
        }
        canvas.getDisplay().timerExec(FRAME_MS, this::frame);
    }

    /** A new montage or acquisition: a new buffer of the derivations. */
    private void rebuild() {
        List<Channel> ch = channels;
        if (ch.isEmpty() || canvas.isDisposed()) {
            return;
        }
        RawMontage m = RawMontage.of(montageChoice.getSelectionIndex() == 1 ? RawMontage.Kind.BIPOLAR : RawMontage.Kind.REFERENTIAL, ch);
        if (m.labels().isEmpty()) {
            header.setText("No EEG channels in this acquisition");
            return;
        }
        TraceBuffer b = new TraceBuffer(m.labels().size(), ch.get(0).samplingRateHz(), BUFFER_SECONDS);
        montage = m;
        buffer = b;
        canvas.setSource(b, m.labels().stream().map(l -> new TraceCanvas.Trace(l, 100)).toList());
        header.setText("Raw EEG, no filter  ·  " + m.labels().size() + " derivations");
        header.getParent().layout();
        applyScales();
    }

    /** Sensitivity and time base in screen millimetres. */
    private void applyScales() {
        if (canvas.isDisposed() || canvas.traces().isEmpty()) {
            return;
        }
        double pxPerMm = canvas.getDisplay().getDPI().y / 25.4;
        double traceMm = canvas.getClientArea().height / (double) canvas.traces().size() / pxPerMm;
        for (int i = 0; i < canvas.traces().size(); i++) {
            canvas.setScale(i, sensitivityUvPerMm() * traceMm / 2); // ± half a trace's height
        }
        double widthMm = Math.max(1, canvas.getClientArea().width) / pxPerMm;
        canvas.setWindowSeconds(Math.max(1, widthMm / TIME_BASES_MM_S[timeBaseChoice.getSelectionIndex()]));
    }

    void dispose() {
        if (registration != null) {
            registration.close();
        }
    }

    /** Runs on the engine's consumer thread. */
    private final class Feed implements SampleConsumer {

        @Override
        public void onStart(String driverId, List<Channel> all) {
            channels = List.copyOf(all);
            buffer = null;
            canvas.getDisplay().asyncExec(RawEegView.this::rebuild);
        }

        @Override
        public void onBlock(SampleBlock block) {
            TraceBuffer b = buffer;
            RawMontage m = montage;
            if (b != null && m != null) {
                float[][] samples = new float[block.channelCount()][];
                for (int c = 0; c < samples.length; c++) {
                    samples[c] = block.channel(c);
                }
                b.append(block.firstSampleIndex(), m.derive(samples));
            }
        }

        @Override
        public void onGap(DataGap gap) {
            TraceBuffer b = buffer;
            if (b != null) {
                b.gap(gap.endSampleIndex());
            }
        }
    }
}
