package org.openionm.report;

import java.util.List;
import java.util.Objects;

import org.openionm.cases.ReportArchive;

/**
 * The content of a case report, independent of its layout: what the PDF prints, section by section.
 * A draft is built from a case ({@link ReportDrafts#draft}); the neurophysiologist's interpretation
 * and conclusion replace the pre-filled ones ({@link #withText}); a signature is added when signing.
 *
 * @param signing the signature to print (null while unsigned)
 * @since 0.2.0
 */
public record ReportContent(String caseId, Header header, List<ProtocolLine> protocol, List<BaselineRow> baselines,
        List<Change> changes, List<WaveformPanel> waveforms, List<TrendPlot> trends, List<LogLine> eventLog,
        String interpretation, String conclusion, List<String> sources, ReportArchive.Signing signing) {

    public ReportContent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(header, "header");
        protocol = List.copyOf(protocol);
        baselines = List.copyOf(baselines);
        changes = List.copyOf(changes);
        waveforms = List.copyOf(waveforms);
        trends = List.copyOf(trends);
        eventLog = List.copyOf(eventLog);
        interpretation = interpretation == null ? "" : interpretation;
        conclusion = conclusion == null ? "" : conclusion;
        sources = List.copyOf(sources);
    }

    /** The same report with the neurophysiologist's text (null keeps the current text). */
    public ReportContent withText(String newInterpretation, String newConclusion) {
        return new ReportContent(caseId, header, protocol, baselines, changes, waveforms, trends, eventLog,
                newInterpretation == null ? interpretation : newInterpretation,
                newConclusion == null ? conclusion : newConclusion, sources, signing);
    }

    /** The same report carrying its signature. */
    public ReportContent signed(ReportArchive.Signing newSigning) {
        return new ReportContent(caseId, header, protocol, baselines, changes, waveforms, trends, eventLog, interpretation,
                conclusion, sources, newSigning);
    }

    /** Case header: label/value pairs in print order ("Patient", "Doe, Jane"), team with credentials. */
    public record Header(List<String[]> fields) {
        public Header {
            fields = List.copyOf(fields);
        }
    }

    /** One modality: sites, montage, filters and alarm criteria as run, and where they came from. */
    public record ProtocolLine(String modality, String name, String sites, String montage, String filters,
            String alarmCriteria, String source) {
    }

    /**
     * A baseline value. {@code latencyMs}/{@code amplitudeUv} NaN for a quantity that is not evoked
     * ({@code value} + {@code unit} then).
     */
    public record BaselineRow(String modality, String site, String channel, String component, double latencyMs,
            double amplitudeUv, double value, String unit, double timeSeconds, String provenance) {
    }

    /**
     * A significant change: an alarm from raise to clear, the values against baseline, who was
     * informed, what was done meanwhile and whether it recovered.
     *
     * @param recoveredSeconds NaN when it had not recovered by the end of monitoring
     */
    public record Change(int segment, double raisedSeconds, String modality, String site, String channel, String criterion,
            String priority, String values, String baseline, String informed, String interventions, double recoveredSeconds,
            String recoveryValues) {
    }

    /** Representative averages of one site and channel: baseline, worst and closing. */
    public record WaveformPanel(String title, double samplingRateHz, List<Curve> curves) {
        public WaveformPanel {
            curves = List.copyOf(curves);
        }
    }

    /** One trace of a panel: what it is ("baseline 180 s") and its samples in µV from the stimulus. */
    public record Curve(String label, float[] samplesUv) {
    }

    /** A trend over case time with the alarm intervals of that series marked. */
    public record TrendPlot(String title, String unit, double[] times, double[] values, List<double[]> alarmIntervals) {
        public TrendPlot {
            alarmIntervals = List.copyOf(alarmIntervals);
        }
    }

    /** One event-log entry as printed. */
    public record LogLine(String caseTime, String wallClock, String type, String text, String author) {
    }
}
