package org.openionm.review.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.EventType;
import org.openionm.io.edf.EdfSignal;
import org.openionm.report.CaseAnalysis;
import org.openionm.review.AlarmComparison;
import org.openionm.review.CaseOverview;
import org.openionm.review.CaseTimeline;
import org.openionm.review.Envelope;
import org.openionm.review.EnvelopeIndex;
import org.openionm.review.HandMeasurement;
import org.openionm.review.Reanalysis;
import org.openionm.review.ReviewJournal;
import org.openionm.review.ReviewWindow;

/**
 * The Review perspective's content: open a case's recording or any EDF+/BDF file (with an optional
 * protocol), see the whole case in the overview, raw traces around the cursor (scroll, zoom 1 s … 8 h,
 * per-trace scale), the averages the re-analysis computed at the cursor with two measurement cursors,
 * and annotations. Reads and index builds run off the UI thread; the UI only draws envelopes.
 */
public final class ReviewView extends Composite {

    /** What the view needs of the workbench; each may be null (then the view says what is missing). */
    public record Services(CaseWorkbench cases, Reanalysis reanalysis, Map<String, Map<String, Object>> liveSettings,
            Map<String, List<String>> settingKeys) {
    }

    private final Services services;
    private final Label status;
    private final Button analyse;
    private final Button whatIf;
    private final Text whatIfSetting;
    private final OverviewCanvas overview;
    private final TracesCanvas traces;
    private final Label spanLabel;
    private final Label cursorLabel;
    private final AveragesCanvas averages;
    private final Label reading;
    private final Button logMeasurement;
    private final Text annotation;
    private final Button annotate;
    private final Label comparison;
    private final Button report;

    private EnvelopeIndex index;
    /** The open case's segments on one case-time axis (one segment for a file); {@link #index} is its first. */
    private CaseTimeline timeline;
    /** The segment the re-analysis ran on, and its case-time offset (analysis times count from the segment's start). */
    private int analysisSegment;
    private double analysisOffset;
    private Path file;
    private Path protocol;
    private ReviewJournal journal;
    private ReviewWindow window = ReviewWindow.of(0);
    private String[] labels = new String[0];
    private double[] scales = new double[0];
    private CaseAnalysis analysis;
    private CaseOverview recorded = CaseOverview.of(0, List.of());
    /** Baseline time chosen in review (NaN: the recording's own, else the default). */
    private double baselineAt = Double.NaN;
    /** The segment the cursor starts at when a case opens (the one chosen in the dialog). */
    private int startAt;
    /** Seek → pixels probe; null (nothing measured) unless {@value ReviewDrawStats#PROPERTY} is set. */
    private ReviewDrawStats stats;

    public ReviewView(Composite parent, Services services) {
        super(parent, SWT.NONE);
        this.services = services;
        setLayout(new GridLayout(1, false));

        Composite bar = row(this, 11);
        button(bar, "Open case…", "Choose a case and one of its recordings; annotations and measurements go to its record", e -> openCase());
        button(bar, "Open file…", "Any EDF, EDF+, BDF or BDF+ file", e -> chooseFile());
        Button protocolButton = button(bar, "Protocol…", "The protocol a file recorded elsewhere was made with (channel roles, stimulation)",
                e -> chooseProtocol());
        protocolButton.setEnabled(true);
        button(bar, "Baseline at cursor", "Re-analysis captures baselines at the cursor (otherwise at the recording's "
                + "\"Baseline captured\" entry, else " + (int) Reanalysis.DEFAULT_BASELINE_SECONDS + " s)", e -> baselineAtCursor());
        analyse = button(bar, "Analyse", "Re-run the installed modality processors on the recording (not the live ones)", e -> analyse(null));
        whatIfSetting = new Text(bar, SWT.BORDER);
        whatIfSetting.setMessage("ssep.alarm.amplitude.decrease.percent=60");
        whatIfSetting.setToolTipText("What-if: processor.setting=value, re-analysed beside the original");
        whatIfSetting.setLayoutData(new GridData(220, SWT.DEFAULT));
        whatIf = button(bar, "What-if", "Re-analyse with the setting on the left and compare the alarm times", e -> whatIf());
        report = button(bar, "Report…", "The case's report: interpretation and conclusion from the draft, PDF, sign-off and amendments",
                e -> openReport());
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        SashForm sash = new SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        overview = new OverviewCanvas(sash);
        overview.onCursor(this::moveCursor);

        Composite tracePane = new Composite(sash, SWT.NONE);
        tracePane.setLayout(tight(1));
        Composite nav = row(tracePane, 10);
        button(nav, "◀ Page", "Back one window (mouse wheel)", e -> setWindow(window.scroll(-1)));
        button(nav, "Page ▶", "Forward one window (mouse wheel)", e -> setWindow(window.scroll(1)));
        button(nav, "Zoom in", "Shorter window (Ctrl + wheel)", e -> setWindow(window.zoomIn()));
        spanLabel = new Label(nav, SWT.NONE);
        spanLabel.setLayoutData(new GridData(60, SWT.DEFAULT));
        button(nav, "Zoom out", "Longer window, up to the whole case (Ctrl + wheel)", e -> setWindow(window.zoomOut()));
        cursorLabel = new Label(nav, SWT.NONE);
        cursorLabel.setLayoutData(new GridData(150, SWT.DEFAULT));
        button(nav, "Scale ÷2", "Selected trace (click its name): half the µV per row", e -> scale(0.5));
        button(nav, "Scale ×2", "Selected trace (click its name): twice the µV per row", e -> scale(2));
        traces = new TracesCanvas(tracePane);
        traces.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        traces.onCursor(this::moveCursor);
        traces.onWheel(pages -> setWindow(window.scroll(pages)));
        traces.onZoom(steps -> setWindow(steps > 0 ? window.zoomOut() : window.zoomIn()));
        traces.addListener(SWT.Resize, e -> refreshTraces());

        SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
        Composite averagePane = new Composite(bottom, SWT.NONE);
        averagePane.setLayout(tight(1));
        averages = new AveragesCanvas(averagePane);
        averages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite measureRow = row(averagePane, 2);
        reading = new Label(measureRow, SWT.NONE);
        reading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        logMeasurement = button(measureRow, "Log measurement", "Writes the reading into the case's audit trail in your name",
                e -> logMeasurement());
        averages.onMeasure(this::showReading);

        Composite notePane = new Composite(bottom, SWT.NONE);
        notePane.setLayout(tight(1));
        new Label(notePane, SWT.NONE).setText("Annotation at the cursor");
        annotation = new Text(notePane, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        annotation.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        annotate = button(notePane, "Annotate", "Adds the text to the case's event log at the cursor's time, in your name", e -> annotate());
        comparison = new Label(notePane, SWT.WRAP);
        comparison.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bottom.setWeights(68, 32);
        addListener(SWT.Dispose, e -> closeRecording());
        sash.setWeights(30, 42, 28);
        updateControls();
        ReviewDrawStats fromProperty = ReviewDrawStats.fromSystemProperty();
        if (fromProperty != null) {
            measureWith(fromProperty);
        }
    }

    /** Seeks and opens are measured to their pixels by {@code probe} from now on. */
    void measureWith(ReviewDrawStats probe) {
        stats = probe;
        overview.afterCasePainted(probe::overviewPainted);
        traces.afterTracesPainted(() -> probe.tracesPainted(traces.shownWindow(), traces.channelsShown(), traces.columnsShown(),
                traces.visibleRows()));
    }

    /** The probe, or null when nothing is measured. */
    ReviewDrawStats drawStats() {
        return stats;
    }

    // ---------------------------------------------------------------- opening

    private void chooseFile() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.bdf;*.edf;*.BDF;*.EDF", "*"});
        String chosen = d.open();
        if (chosen != null) {
            open(Path.of(chosen), null);
        }
    }

    private void chooseProtocol() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.yaml;*.yml;*.json", "*"});
        String chosen = d.open();
        protocol = chosen == null ? null : Path.of(chosen);
        status(protocol == null ? "No protocol: channel roles are guessed from the labels" : "Protocol " + protocol.getFileName());
    }

    private void openCase() {
        CaseWorkbench w = services.cases();
        if (w == null || w.database().isEmpty()) {
            status(w == null ? "Cases are not installed" : "The case database is not open: " + w.databaseStatus());
            return;
        }
        OpenCaseDialog.Choice choice = new OpenCaseDialog(getShell(), w.database().get().cases()).open();
        if (choice != null) {
            CaseDatabase db = w.database().get();
            // every segment of the case on one axis; the chosen one is where the cursor starts
            List<org.openionm.cases.CaseRecording> all = new ArrayList<>(db.cases().recordings(choice.caseId()));
            all.sort(java.util.Comparator.comparingInt(org.openionm.cases.CaseRecording::segment));
            List<Path> files = all.stream().map(org.openionm.cases.CaseRecording::file).toList();
            startAt = Math.max(0, files.indexOf(choice.recording().file()));
            open(files.isEmpty() ? List.of(choice.recording().file()) : files,
                    new ReviewJournal(db.events(), db.audit(), choice.caseId(), Clock.systemUTC()));
        }
    }

    /**
     * Opens a recording; {@code journal} is the case it belongs to (null: a file on its own). The index
     * is built (or its cached copy checked) off the UI thread.
     */
    public void open(Path recording, ReviewJournal journal) {
        open(List.of(recording), journal);
    }

    /**
     * Opens a case's segments ({@code <case>-001.bdf}, … in order) as one case-time axis with the gaps
     * between them; {@code journal} as for one recording.
     */
    public void open(List<Path> segments, ReviewJournal journal) {
        closeRecording();
        if (stats != null) {
            stats.opening();
        }
        Path recording = segments.get(0);
        this.file = recording;
        this.journal = journal;
        String name = segments.size() == 1 ? recording.getFileName().toString() : segments.size() + " segments of " + recording.getFileName();
        traces.showMessage("Opening " + name + " …");
        status("Opening " + name);
        Thread t = new Thread(() -> {
            try {
                CaseTimeline opened = CaseTimeline.open(segments, f -> async(() -> traces.showMessage(String.format(Locale.ROOT,
                        "Indexing %s: %.0f %% (once; the index is kept beside the file)", name, f * 100))));
                async(() -> opened(opened), () -> close(opened));
            } catch (IOException | RuntimeException e) {
                async(() -> {
                    traces.showMessage("Cannot open " + recording + ": " + e.getMessage());
                    status("Cannot open " + recording.getFileName() + ": " + e.getMessage());
                });
            }
        }, "openionm-review-open");
        t.setDaemon(true);
        t.start();
    }

    private void opened(CaseTimeline opened) {
        timeline = opened;
        index = opened.indexes().get(0);
        analysis = null;
        analysisSegment = 0;
        analysisOffset = 0;
        baselineAt = Double.NaN;
        double seconds = opened.durationSeconds();
        List<EdfSignal> signals = opened.signals();
        labels = signals.stream().map(s -> s.label()).toArray(String[]::new);
        scales = new double[signals.size()];
        for (int s = 0; s < scales.length; s++) {
            scales[s] = initialScale(index, s);
        }
        recorded = CaseOverview.of(seconds, withJournalNotes(opened.annotations()));
        overview.setOverview(recorded);
        if (stats != null) {
            stats.opened(opened.indexes().stream().anyMatch(EnvelopeIndex::builtNow), seconds);
        }
        overview.setGaps(opened.gaps());
        traces.setGaps(opened.gaps());
        window = ReviewWindow.of(seconds);
        if (startAt > 0 && startAt < opened.segments().size()) {
            window = window.moveTo(opened.segments().get(startAt).offsetSeconds());
        }
        startAt = 0;
        traces.setSelected(-1);
        int segments = opened.segments().size();
        status(String.format(Locale.ROOT, "%s · %s · %d signals · %s%s%s", file.getFileName(), ReviewWindow.clock(seconds),
                signals.size(), opened.indexes().stream().anyMatch(EnvelopeIndex::builtNow) ? "index built" : "cached index",
                segments == 1 ? "" : String.format(Locale.ROOT, " · %d segments, %d gaps", segments, opened.gaps().size()),
                journal == null ? "" : " · case " + journal.caseId()));
        setWindow(window);
    }

    /** Earlier review notes of the case are in its event log but not in the recording. */
    private List<org.openionm.io.edf.EdfAnnotation> withJournalNotes(List<org.openionm.io.edf.EdfAnnotation> annotations) {
        List<org.openionm.io.edf.EdfAnnotation> all = new ArrayList<>(annotations);
        if (journal != null && services.cases() != null && services.cases().database().isPresent()) {
            for (CaseEvent e : services.cases().database().get().events().events(journal.caseId())) {
                if (e.type() == EventType.NOTE && e.text().startsWith(ReviewJournal.PREFIX) && !Double.isNaN(e.caseTimeSeconds())) {
                    all.add(new org.openionm.io.edf.EdfAnnotation(e.caseTimeSeconds(), 0, e.text() + " (" + e.author() + ")", -1));
                }
            }
        }
        return all;
    }

    /** A scale that fits the trace: twice the median half-range of 200 stretches of the whole recording, rounded up to 1-2-5. */
    private static double initialScale(EnvelopeIndex index, int signal) {
        try {
            Envelope e = index.envelope(signal, 0, index.samples(signal), 200);
            double[] half = new double[e.columns()];
            int n = 0;
            for (int c = 0; c < e.columns(); c++) {
                if (!Float.isNaN(e.min()[c])) {
                    half[n++] = (e.max()[c] - e.min()[c]) / 2.0;
                }
            }
            if (n == 0) {
                return 100;
            }
            java.util.Arrays.sort(half, 0, n);
            double target = Math.max(1, half[n / 2] * 2);
            double decade = Math.pow(10, Math.floor(Math.log10(target)));
            for (double m : new double[] {1, 2, 5, 10}) {
                if (m * decade >= target) {
                    return m * decade;
                }
            }
            return 10 * decade;
        } catch (IOException e) {
            return 100;
        }
    }

    // ---------------------------------------------------------------- navigation

    /** Moves the cursor (the overview, the traces and the averages follow). */
    public void moveCursor(double seconds) {
        setWindow(window.moveTo(seconds));
    }

    /** Shows {@code w}: position and span, as the navigation does (the seek bench drives the view so). */
    void show(ReviewWindow w) {
        setWindow(w);
    }

    private void setWindow(ReviewWindow w) {
        if (stats != null && index != null) {
            stats.requested(w);
        }
        window = w;
        overview.setWindow(w);
        spanLabel.setText(ReviewWindow.describeSpan(w.spanSeconds()));
        cursorLabel.setText("Cursor " + ReviewWindow.clock(w.cursorSeconds()));
        refreshTraces();
        refreshAverages();
        updateControls();
    }

    private void refreshTraces() {
        if (index == null) {
            return;
        }
        try {
            int columns = traces.plotWidth();
            if (timeline.segments().size() > 1) {
                // several segments: each one's part of the window, NaN over the gaps
                traces.show(labels, timeline.envelopes(window.startSeconds(), window.endSeconds(), columns), scales, window);
                return;
            }
            Envelope[] e = new Envelope[index.signals()];
            List<EdfSignal> signals = index.recording().signals();
            boolean oneRate = signals.stream().mapToDouble(EdfSignal::samplingRateHz).distinct().count() == 1;
            if (oneRate) {
                double rate = signals.get(0).samplingRateHz();
                e = index.envelopes(window.firstSample(rate), window.endSample(rate), columns);
            } else {
                for (int s = 0; s < e.length; s++) {
                    double rate = signals.get(s).samplingRateHz();
                    e[s] = index.envelope(s, window.firstSample(rate), window.endSample(rate), columns);
                }
            }
            traces.show(labels, e, scales, window);
        } catch (IOException ex) {
            traces.showMessage("Cannot read " + file.getFileName() + ": " + ex.getMessage());
        }
    }

    private void scale(double factor) {
        int s = traces.selected();
        if (s < 0 || s >= scales.length) {
            status("Click a trace's name to choose the trace to scale");
            return;
        }
        scales[s] = Math.max(0.1, scales[s] * factor);
        refreshTraces();
    }

    // ---------------------------------------------------------------- analysis

    private void analyse(Map<String, Map<String, ?>> change) {
        if (index == null || services.reanalysis() == null) {
            status(index == null ? "Open a recording first" : "Re-analysis needs the EDF playback amplifier (feature org.openionm.driver.edf.feature)");
            return;
        }
        Map<String, Map<String, ?>> settings = new LinkedHashMap<>();
        if (services.liveSettings() != null) {
            settings.putAll(services.liveSettings());
        }
        if (change != null) {
            change.forEach((id, values) -> {
                Map<String, Object> merged = new LinkedHashMap<>(settings.getOrDefault(id, Map.of()));
                merged.putAll(values);
                settings.put(id, merged);
            });
        }
        // a case of several segments: the segment under the cursor (a what-if: the one the original ran on)
        int segment = change != null ? analysisSegment
                : timeline.locate(window.cursorSeconds()).map(CaseTimeline.Position::segment).orElse(analysisSegment);
        CaseTimeline.Segment seg = timeline.segments().get(segment);
        List<org.openionm.io.edf.EdfAnnotation> annotations = timeline.indexes().get(segment).recording().annotations();
        double at = Double.isNaN(baselineAt) ? Reanalysis.baselineSeconds(annotations) : baselineAt - seg.offsetSeconds();
        String why = Double.isNaN(baselineAt) ? Reanalysis.baselineSource(annotations)
                : "chosen in review at " + ReviewWindow.clock(baselineAt);
        double seconds = seg.durationSeconds();
        Map<String, String> options = protocol == null ? Map.of() : Map.of("protocol", protocol.toAbsolutePath().toString());
        Path recording = seg.file();
        analyse.setEnabled(false);
        whatIf.setEnabled(false);
        Thread t = new Thread(() -> {
            try {
                CaseAnalysis result = services.reanalysis().run(recording, seconds, options, settings, at, why,
                        Duration.ofMinutes(2), (done, total) -> async(() -> status(String.format(Locale.ROOT, "%s %.0f %%",
                                change == null ? "Re-analysing" : "What-if", total > 0 ? 100 * done / total : 0))));
                async(() -> {
                    if (change == null) {
                        analysisSegment = segment;
                        analysisOffset = seg.offsetSeconds();
                    }
                    analysed(result, change);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                async(() -> {
                    status("Re-analysis failed: " + e.getMessage());
                    updateControls();
                });
            }
        }, "openionm-review-analysis");
        t.setDaemon(true);
        t.start();
    }

    private void analysed(CaseAnalysis result, Map<String, Map<String, ?>> change) {
        if (change == null) {
            analysis = result;
            overview.setOverview(recorded.withAnalysis(result.trends(), result.alarms(), analysisOffset));
            status(String.format(Locale.ROOT, "Re-analysed: %d measurements, %d averages, %d alarm log entries; baselines at %s (%s)",
                    result.measurements().size(), result.averages().size(), result.alarms().size(),
                    ReviewWindow.clock(result.baselineAtSeconds()), result.baselineSource())
                    + (result.baselines().isEmpty() ? " · NO baseline was captured (no average complete yet then): "
                            + "put the cursor later and press Baseline at cursor" : "")
                    + (result.failures().isEmpty() ? "" : " · " + String.join("; ", result.failures())));
            refreshAverages();
        } else {
            List<AlarmComparison.Row> rows = AlarmComparison.compare(analysis.alarms(), result.alarms());
            StringBuilder s = new StringBuilder("What-if ");
            change.forEach((id, values) -> values.forEach((k, v) -> s.append(id).append(' ').append(k).append(" = ").append(v).append(' ')));
            s.append("— first alarm, original → what-if:\n");
            if (rows.isEmpty()) {
                s.append("no alarm in either run");
            }
            rows.forEach(r -> s.append(r.source()).append(": ").append(r.describe()).append('\n'));
            comparison.setText(s.toString().strip());
            comparison.getParent().layout(true, true);
            status("What-if done: " + rows.size() + " alarm sources compared");
        }
        updateControls();
    }

    /** Shows a re-analysis as if Analyse had produced it (the UI test gives one with known alarms and averages). */
    void showAnalysis(CaseAnalysis result) {
        analysed(result, null);
    }

    /** Shows a what-if run beside the current analysis. */
    void showWhatIf(CaseAnalysis result, Map<String, Map<String, ?>> change) {
        analysed(result, change);
    }

    String comparisonText() {
        return comparison.getText();
    }

    private void baselineAtCursor() {
        if (index == null) {
            return;
        }
        baselineAt = window.cursorSeconds();
        status("Re-analysis will capture baselines at " + ReviewWindow.clock(baselineAt) + ": press Analyse");
    }

    private void whatIf() {
        if (analysis == null) {
            status("Analyse first: the what-if is compared with the original re-analysis");
            return;
        }
        String spec = whatIfSetting.getText().strip();
        int dot = spec.indexOf('.');
        int eq = spec.indexOf('=');
        if (dot <= 0 || eq <= dot + 1 || eq == spec.length() - 1) {
            status("What-if: write processor.setting=value, e.g. ssep.alarm.amplitude.decrease.percent=60"
                    + (services.settingKeys() == null ? "" : " (settings: " + services.settingKeys() + ")"));
            return;
        }
        String id = spec.substring(0, dot);
        String key = spec.substring(dot + 1, eq);
        String value = spec.substring(eq + 1);
        if (services.settingKeys() != null && !services.settingKeys().getOrDefault(id, List.of()).contains(key)) {
            status("What-if: " + id + " has no setting " + key + " (its settings: " + services.settingKeys().getOrDefault(id, List.of()) + ")");
            return;
        }
        Object typed;
        try {
            typed = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            typed = "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value) ? Boolean.valueOf(value) : value;
        }
        analyse(Map.of(id, Map.of(key, typed)));
    }

    private void refreshAverages() {
        if (analysis == null) {
            averages.setAverages(List.of(), index == null ? "" : "Averages at the cursor come from the re-analysis: press Analyse.");
            return;
        }
        // evoked responses only: a processor's longer traces (EEG spectra) are not stimulus-locked averages
        // averagesAt reads back only the averages it shows: the re-analysis keeps their samples in a file
        averages.setAverages(analysis.averagesAt(window.cursorSeconds() - analysisOffset).stream()
                .filter(a -> a.samplesUv().length / a.samplingRateHz() <= 1.0).toList(),
                "No average completed before " + ReviewWindow.clock(window.cursorSeconds()));
    }

    // ---------------------------------------------------------------- measurements and annotations

    private void showReading(HandMeasurement m) {
        reading.setText(m == null ? "Click an average: left = cursor 1 (latency), right = cursor 2 (amplitude to it)"
                : String.format(Locale.ROOT, "%s: latency %.2f ms, amplitude %.2f µV", m.where(), m.latencyMs(),
                        m.amplitudeUv()));
        updateControls();
    }

    private void logMeasurement() {
        HandMeasurement m = averages.measurement();
        if (m == null || journal == null) {
            return;
        }
        journal.measured(m, actor());
        status("Logged in the audit trail: " + m.screenText());
    }

    private void annotate() {
        if (journal == null || annotation.getText().isBlank()) {
            return;
        }
        CaseEvent e = journal.annotate(window.cursorSeconds(), annotation.getText(), actor());
        annotation.setText("");
        recorded = new CaseOverview(recorded.durationSeconds(), recorded.series(), concat(recorded.markers(),
                new CaseOverview.Marker(e.caseTimeSeconds(), CaseOverview.Kind.NOTE, e.text() + " (" + e.author() + ")")));
        overview.setOverview(analysis == null ? recorded : recorded.withAnalysis(analysis.trends(), analysis.alarms(), analysisOffset));
        status("Annotation logged at " + ReviewWindow.clock(e.caseTimeSeconds()) + " by " + e.author());
    }

    private static List<CaseOverview.Marker> concat(List<CaseOverview.Marker> a, CaseOverview.Marker b) {
        List<CaseOverview.Marker> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /** Opens the report editor of the open case in its own window (the review stays usable beside it). */
    public ReportEditor openReport() {
        CaseWorkbench w = services.cases();
        if (journal == null || w == null || w.database().isEmpty()) {
            status("Open a case to write its report (a file on its own has no case to sign)");
            return null;
        }
        CaseDatabase db = w.database().get();
        String caseId = journal.caseId();
        org.openionm.cases.MonitoringCase c = db.cases().find(caseId).orElse(null);
        if (c == null) {
            status("Case " + caseId + " is not in the database");
            return null;
        }
        // the re-analysis of the open segment, when one was made; otherwise the draft has the case, its team and event log
        List<CaseAnalysis> analyses = analysis == null ? List.of() : List.of(analysis);
        org.openionm.report.ReportContent draft = org.openionm.report.ReportDrafts.draft(c, db.cases().recordings(caseId),
                db.events().events(caseId), analyses, java.time.ZoneId.systemDefault());
        org.openionm.report.ReportEditing editing = new org.openionm.report.ReportEditing(draft, db.area().caseFolder(caseId),
                db.reports(), db.audit(), org.openionm.report.PdfReportWriter::write);
        org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(getShell(), SWT.SHELL_TRIM);
        shell.setText("Report of case " + caseId);
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        ReportEditor editor = new ReportEditor(shell, editing, () -> w.session().user(), Clock.systemUTC(),
                java.time.ZoneId.systemDefault(), null);
        shell.setSize(820, 640);
        shell.open();
        return editor;
    }

    private String actor() {
        return services.cases().session().actor().username();
    }

    private void updateControls() {
        boolean caseOpen = journal != null && services.cases() != null;
        analyse.setEnabled(index != null && services.reanalysis() != null);
        whatIf.setEnabled(analysis != null);
        logMeasurement.setEnabled(caseOpen && averages.measurement() != null);
        annotate.setEnabled(caseOpen);
        report.setEnabled(caseOpen);
        annotation.setEnabled(caseOpen);
        annotation.setMessage(caseOpen ? "" : "Open a case to annotate (a file on its own has no record)");
    }

    // ---------------------------------------------------------------- plumbing

    public OverviewCanvas overviewCanvas() {
        return overview;
    }

    public TracesCanvas tracesCanvas() {
        return traces;
    }

    public AveragesCanvas averagesCanvas() {
        return averages;
    }

    public ReviewWindow window() {
        return window;
    }

    /** Whether a recording is open and drawn. */
    public boolean isOpen() {
        return index != null;
    }

    public String statusText() {
        return status.getText();
    }

    /** A line in the status bar of the view (a file given at start that cannot be opened). */
    public void showStatus(String text) {
        status(text);
    }

    private void status(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    private void closeRecording() {
        if (timeline != null) {
            close(timeline);
            timeline = null;
            index = null;
        }
    }

    /** The open case's segments on the case-time axis (null while nothing is open). */
    public CaseTimeline timeline() {
        return timeline;
    }

    private static void close(CaseTimeline i) {
        try {
            i.close();
        } catch (IOException ignored) {
            // a read-only index: nothing to lose
        }
    }

    /** Runs on the UI thread unless the view is gone (then {@code otherwise}, on the caller's thread). */
    private void async(Runnable r, Runnable otherwise) {
        if (isDisposed() || getDisplay().isDisposed()) {
            otherwise.run();
            return;
        }
        getDisplay().asyncExec(() -> {
            if (isDisposed()) {
                otherwise.run();
            } else {
                r.run();
            }
        });
    }

    private void async(Runnable r) {
        async(r, () -> { });
    }


    private static GridLayout tight(int columns) {
        GridLayout l = new GridLayout(columns, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        return l;
    }

    private static Composite row(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(tight(columns));
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return c;
    }

    private static Button button(Composite parent, String text, String tip, org.eclipse.swt.widgets.Listener action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, action);
        return b;
    }
}
