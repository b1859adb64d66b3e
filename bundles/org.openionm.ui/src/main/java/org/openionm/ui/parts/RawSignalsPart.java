package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.ui.internal.StartupPhases;
import org.openionm.ui.widgets.trace.TraceBuffer;
import org.openionm.ui.widgets.trace.TraceCanvas;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Live "Raw signals": every channel of the running acquisition, unfiltered, scrolling. Data arrive
 * on the engine's consumer thread into a {@link TraceBuffer}; the canvas repaints at display rate
 * (≈30 Hz), never once per block. Each trace starts at the range its channel's role declares
 * ({@link org.openionm.core.model.ChannelRole#displayRangeUv()}), so a new modality's channels are
 * drawn at their own scale with no change here.
 */
public class RawSignalsPart {

    public static final String ID = "org.openionm.ui.part.rawsignals";
    private static final System.Logger LOG = System.getLogger(RawSignalsPart.class.getName());
    static final int FRAME_MS = 33;
    static final double BUFFER_SECONDS = 30;
    private static final int[] WINDOWS_S = { 2, 5, 10, 20, 30 };

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    private Display display;
    private Label header;
    private TraceCanvas canvas;
    private ConsumerRegistration registration;
    private volatile TraceBuffer buffer;
    private volatile String source = "No acquisition";
    private volatile String state = "";
    private boolean firstTraceLogged;
    /** Paint counts and sample-to-pixel latency for {@code ./openionm bench ui}; null unless asked for. */
    private DisplayStats stats;

    @PostConstruct
    public void create(Composite parent) {
        StartupPhases.mark("raw-part-created");
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(3, false));
        // wraps rather than squeezing "Display window" and its choice out of a narrow part (issue 16)
        header = new Label(parent, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(parent, SWT.NONE).setText("Display window");
        Combo windowChoice = new Combo(parent, SWT.READ_ONLY);
        for (int seconds : WINDOWS_S) {
            windowChoice.add(seconds + " s");
        }
        windowChoice.select(2);
        canvas = new TraceCanvas(parent, SWT.NONE);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        canvas.setWindowSeconds(WINDOWS_S[2]);
        windowChoice.addListener(SWT.Selection, e -> canvas.setWindowSeconds(WINDOWS_S[windowChoice.getSelectionIndex()]));
        if (engine == null) {
            header.setText("The acquisition engine is not installed: no signals can be shown.");
            return;
        }
        updateHeader();
        stats = DisplayStats.fromSystemProperty(); // before the feed, whose thread reads it
        registration = engine.addConsumer("Raw signals display", new DisplayFeed(), 200);
        if (stats != null) {
            canvas.addListener(SWT.Paint, e -> stats.painted(canvas.lastPaintedNewestIndex()));
        }
        display.timerExec(FRAME_MS, this::frame);
    }

    /** The canvas, for tests. */
    public TraceCanvas canvas() {
        return canvas;
    }

    private void frame() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        TraceBuffer current = buffer;
        if (current != null && current.newestIndex() != canvas.lastPaintedNewestIndex()) {
            canvas.redraw();
        }
        if (!firstTraceLogged && canvas.lastPaintedNewestIndex() > 0) {
            firstTraceLogged = true;
            StartupPhases.mark("first-trace");
            long ms = StartupPhases.msSinceProcessStart(); // not ProcessHandle's start: up to 1 s early on Linux
            LOG.log(System.Logger.Level.INFO, "first trace on screen " + ms + " ms after process start");
            if (stats != null) {
                stats.firstTrace(ms);
            }
            List<StartupPhases.Phase> phases = StartupPhases.phases();
            LOG.log(System.Logger.Level.INFO, StartupPhases.summary(phases));
            if (stats != null) {
                stats.phases(phases);
            }
        }
        if (stats != null) {
            stats.tick();
        }
        display.timerExec(FRAME_MS, this::frame);
    }

    private void updateHeader() {
        if (!header.isDisposed()) {
            header.setText(source + state + "  ·  raw signal, no filter  ·  mouse wheel on a trace: sensitivity");
            header.getParent().layout();
        }
    }

    private void onAcquisitionStart(TraceBuffer newBuffer, List<Channel> channels) {
        if (canvas.isDisposed()) {
            return;
        }
        List<TraceCanvas.Trace> traces = new ArrayList<>();
        for (Channel channel : channels) {
            traces.add(new TraceCanvas.Trace(channel.label(), channel.role().displayRangeUv()));
        }
        canvas.setSource(newBuffer, traces);
        updateHeader();
    }

    @PreDestroy
    void dispose() {
        if (stats != null) {
            stats.close();
        }
        if (registration != null) {
            registration.close();
        }
        buffer = null; // seconds of every channel: not kept past the part
    }

    /** Runs on the engine's consumer thread. */
    private final class DisplayFeed implements SampleConsumer {

        @Override
        public void onStart(String driverId, List<Channel> channels) {
            TraceBuffer newBuffer = new TraceBuffer(channels.size(), channels.get(0).samplingRateHz(), BUFFER_SECONDS);
            if (stats != null) {
                stats.acquisitionStarted();
            }
            buffer = newBuffer;
            source = engine.status().driverName() + "  ·  " + channels.size() + " channels  ·  "
                    + Math.round(channels.get(0).samplingRateHz()) + " Hz";
            state = "";
            // once per acquisition, not per block
            display.asyncExec(() -> onAcquisitionStart(newBuffer, channels));
        }

        @Override
        public void onBlock(SampleBlock block) {
            TraceBuffer current = buffer;
            if (current != null) {
                current.append(block);
                if (stats != null) {
                    stats.blockArrived(block.firstSampleIndex() + block.sampleCount());
                }
            }
        }

        @Override
        public void onGap(DataGap gap) {
            TraceBuffer current = buffer;
            if (current != null) {
                current.gap(gap.endSampleIndex());
            }
        }

        @Override
        public void onStop(String reason) {
            state = "  ·  stopped: " + reason;
            display.asyncExec(RawSignalsPart.this::updateHeader);
        }
    }
}
