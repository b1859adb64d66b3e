package org.openionm.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openionm.cases.LibraryLogging;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.SignedReport;
import org.openionm.report.ReportContent.BaselineRow;
import org.openionm.report.ReportContent.Change;
import org.openionm.report.ReportContent.Curve;
import org.openionm.report.ReportContent.LogLine;
import org.openionm.report.ReportContent.ProtocolLine;
import org.openionm.report.ReportContent.TrendPlot;
import org.openionm.report.ReportContent.WaveformPanel;

/**
 * Writes a {@link ReportContent} as PDF with Apache PDFBox: A4, text in an embedded subset of Liberation
 * Sans (shipped inside PDFBox; it has µ, ≥, →, – which the standard 14 fonts' WinAnsi encoding
 * partly lacks), headings in Helvetica-Bold where WinAnsi can encode them; waveforms and trends drawn
 * as vector lines, never images. Every page has the case id, "page x of y", "not for clinical use" and
 * the signature (name, date/time, meaning) or "DRAFT, not signed".
 *
 * @since 0.2.0
 */
public final class PdfReportWriter {

    static final float MARGIN = 40;
    static final float TOP = PDRectangle.A4.getHeight() - 56;
    static final float BOTTOM = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final Color[] CURVE_COLOURS = { Color.BLACK, new Color(200, 30, 30), new Color(30, 80, 200) };

    private PDDocument doc;
    private PDFont regular;
    private PDFont bold;
    private PDPageContentStream out;
    private float y;

    /** The report as PDF bytes. */
    public static byte[] write(ReportContent report) {
        LibraryLogging.start(); // PDFBox logs through commons-logging, which hands over to SLF4J
        return new PdfReportWriter().render(report);
    }

    private byte[] render(ReportContent r) {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(LIBERATION_SANS)) {
                if (ttf == null) {
                    throw new IllegalStateException("Liberation Sans is missing from PDFBox (" + LIBERATION_SANS + ")");
                }
                regular = PDType0Font.load(doc, ttf);
            }
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("IONM report, case " + r.caseId());
            info.setCreator("OpenIONM");
            newPage();
            body(r);
            out.close();
            decorate(r.caseId(), r.signing());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of case " + r.caseId() + ": " + e.getMessage(), e);
        }
    }

    private void body(ReportContent r) throws IOException {
        title("Intraoperative neurophysiological monitoring report");
        if (r.signing() == null) {
            text("DRAFT — not signed", 10, new Color(200, 30, 30));
        } else if (r.signing().version() > 1) {
            text("AMENDMENT: version " + r.signing().version() + " — reason: " + r.signing().amendmentReason(), 10, new Color(200, 30, 30));
        }
        heading("Case");
        for (String[] f : r.header().fields()) {
            keyValue(f[0], f[1]);
        }
        heading("Modalities and protocol");
        for (ProtocolLine p : r.protocol()) {
            text(p.name(), 10, Color.BLACK);
            keyValue("Sites", p.sites().isBlank() ? "—" : p.sites());
            keyValue("Montage", p.montage().isBlank() ? "—" : p.montage());
            keyValue("Filters", p.filters().isBlank() ? "—" : p.filters());
            keyValue("Alarm criteria", p.alarmCriteria().isBlank() ? "—" : p.alarmCriteria());
            keyValue("Source", p.source());
        }
        heading("Baseline values");
        List<String[]> rows = new ArrayList<>();
        for (BaselineRow b : r.baselines()) {
            boolean evoked = !Double.isNaN(b.latencyMs());
            rows.add(new String[] { b.modality(), b.site(), b.channel(), b.component(), evoked ? fmt(b.latencyMs(), 2) + " ms" : "",
                    evoked ? fmt(b.amplitudeUv(), 2) + " µV" : fmt(b.value(), 2) + " " + unit(b.unit()), ReportDrafts.time(b.timeSeconds()),
                    b.provenance() });
        }
        table(new String[] { "Modality", "Site", "Channel", "Component", "Latency", "Amplitude / value", "At", "Measured by" },
                new float[] { 38, 62, 58, 52, 52, 70, 40, 143 }, rows);
        heading("Timeline of significant changes");
        if (r.changes().isEmpty()) {
            text("No alarm was raised in the re-analysis.", 9, Color.BLACK);
        }
        for (Change c : r.changes()) {
            text(ReportDrafts.time(c.raisedSeconds()) + "  " + c.modality() + " " + c.site() + " " + c.channel() + "  (" + c.priority()
                    + ")", 10, Color.BLACK);
            keyValue("Criterion", c.criterion());
            keyValue("Values", c.values());
            keyValue("Baseline", c.baseline());
            keyValue("Informed", c.informed());
            keyValue("Interventions", c.interventions());
            keyValue("Recovery", Double.isNaN(c.recoveredSeconds()) ? "not recovered by the end of monitoring"
                    : ReportDrafts.time(c.recoveredSeconds()) + (c.recoveryValues().isBlank() ? "" : ": " + c.recoveryValues()));
        }
        waveforms(r.waveforms());
        trends(r.trends());
        heading("Event log");
        List<String[]> log = new ArrayList<>();
        for (LogLine l : r.eventLog()) {
            log.add(new String[] { l.caseTime(), l.wallClock(), l.type(), l.text(), l.author() });
        }
        table(new String[] { "Case time", "Wall clock", "Entry", "Details", "By" }, new float[] { 50, 92, 90, 213, 70 }, log);
        heading("Interpretation");
        paragraph(r.interpretation(), 9);
        heading("Conclusion");
        paragraph(r.conclusion(), 9);
        heading("Where the numbers come from");
        for (String s : r.sources()) {
            paragraph(s, 8);
        }
        signature(r.signing());
    }

    private void signature(ReportArchive.Signing s) throws IOException {
        heading("Signature");
        if (s == null) {
            text("Not signed.", 9, Color.BLACK);
            return;
        }
        keyValue("Signed by", s.signature().printedName());
        keyValue("Date/time", s.signature().signedAt().toString());
        keyValue("Meaning", s.signature().meaning());
        keyValue("Version", Integer.toString(s.version()) + (s.amendmentReason().isBlank() ? "" : " (amendment: " + s.amendmentReason() + ")"));
        for (SignedReport p : s.previous()) {
            keyValue("Earlier version", p.version() + " signed by " + p.signature().printedName() + " at " + p.signature().signedAt()
                    + (p.amendmentReason().isBlank() ? "" : " (amendment: " + p.amendmentReason() + ")") + ", SHA-256 " + p.sha256()
                    + " (kept)");
        }
    }

    private void waveforms(List<WaveformPanel> panels) throws IOException {
        if (panels.isEmpty()) {
            return;
        }
        heading("Representative waveforms", 23 + 120 + 30);
        float w = (WIDTH - 15) / 2;
        float h = 120;
        for (int i = 0; i < panels.size(); i += 2) {
            ensure(h + 30);
            for (int j = i; j < Math.min(i + 2, panels.size()); j++) {
                panel(panels.get(j), MARGIN + (j - i) * (w + 15), y - h - 12, w, h);
            }
            y -= h + 26;
        }
    }

    private void panel(WaveformPanel p, float x, float y0, float w, float h) throws IOException {
        show(p.title(), bold(p.title()), 8, x, y0 + h + 3, Color.BLACK);
        out.setStrokingColor(Color.LIGHT_GRAY);
        out.setLineWidth(0.5f);
        out.addRect(x, y0, w, h);
        out.stroke();
        float max = 0;
        int n = 0;
        for (Curve c : p.curves()) {
            for (float v : c.samplesUv()) {
                max = Math.max(max, Math.abs(v));
            }
            n = Math.max(n, c.samplesUv().length);
        }
        float scale = max == 0 ? 1 : (h / 2 - 4) / max;
        for (int k = 0; k < p.curves().size(); k++) {
            float[] v = p.curves().get(k).samplesUv();
            out.setStrokingColor(CURVE_COLOURS[k % CURVE_COLOURS.length]);
            out.setLineWidth(0.6f);
            for (int i = 0; i < v.length; i++) {
                float px = x + w * i / Math.max(1, n - 1);
                float py = y0 + h / 2 + v[i] * scale;
                if (i == 0) {
                    out.moveTo(px, py);
                } else {
                    out.lineTo(px, py);
                }
            }
            out.stroke();
            show(p.curves().get(k).label(), regular, 6.5f, x + 3 + k * w / 3, y0 - 9, CURVE_COLOURS[k % CURVE_COLOURS.length]);
        }
        String scaleText = fmt(n / p.samplingRateHz() * 1000, 0) + " ms, ±" + fmt(max, 2) + " µV full height";
        show(scaleText, regular, 6.5f, x + w - regular.getStringWidth(safe(scaleText)) / 1000 * 6.5f - 3, y0 + h - 9, Color.DARK_GRAY);
    }

    private void trends(List<TrendPlot> plots) throws IOException {
        if (plots.isEmpty()) {
            return;
        }
        heading("Trends", 23 + 90 + 34);
        float h = 90;
        for (TrendPlot p : plots) {
            ensure(h + 34);
            float y0 = y - h - 12;
            show(p.title() + " (" + unit(p.unit()) + "; shaded: alarm)", regular, 8, MARGIN, y0 + h + 3, Color.BLACK);
            double t0 = 0;
            double t1 = 1;
            double vmax = 0;
            for (int i = 0; i < p.times().length; i++) {
                t1 = Math.max(t1, p.times()[i]);
                vmax = Math.max(vmax, p.values()[i]);
            }
            for (double[] a : p.alarmIntervals()) {
                t1 = Math.max(t1, a[1]);
            }
            double span = t1 - t0;
            double top = vmax <= 0 ? 1 : vmax * 1.1;
            out.setNonStrokingColor(new Color(255, 215, 215));
            for (double[] a : p.alarmIntervals()) {
                out.addRect(MARGIN + (float) (WIDTH * a[0] / span), y0, (float) (WIDTH * (a[1] - a[0]) / span), h);
                out.fill();
            }
            out.setStrokingColor(Color.LIGHT_GRAY);
            out.setLineWidth(0.5f);
            out.addRect(MARGIN, y0, WIDTH, h);
            out.stroke();
            out.setStrokingColor(new Color(30, 80, 200));
            out.setLineWidth(0.8f);
            for (int i = 0; i < p.times().length; i++) {
                float px = MARGIN + (float) (WIDTH * p.times()[i] / span);
                float py = y0 + (float) (h * Math.max(0, p.values()[i]) / top);
                if (i == 0) {
                    out.moveTo(px, py);
                } else {
                    out.lineTo(px, py);
                }
            }
            out.stroke();
            show("0", regular, 6.5f, MARGIN - 8, y0, Color.DARK_GRAY);
            show(fmt(top, 0), regular, 6.5f, MARGIN + 2, y0 + h - 8, Color.DARK_GRAY);
            show("0:00:00", regular, 6.5f, MARGIN, y0 - 9, Color.DARK_GRAY);
            String end = ReportDrafts.time(t1);
            show(end, regular, 6.5f, MARGIN + WIDTH - regular.getStringWidth(end) / 1000 * 6.5f, y0 - 9, Color.DARK_GRAY);
            y -= h + 30;
        }
    }

    // --- layout primitives ---

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void ensure(float space) throws IOException {
        if (y - space < BOTTOM) {
            newPage();
        }
    }

    private void title(String s) throws IOException {
        ensure(24);
        show(s, bold(s), 15, MARGIN, y - 15, Color.BLACK);
        y -= 24;
    }

    private void heading(String s) throws IOException {
        heading(s, 40);
    }

    /** A heading kept on one page with the first {@code keepWith} points of what follows it. */
    private void heading(String s, float keepWith) throws IOException {
        ensure(keepWith);
        y -= 6;
        show(s, bold(s), 11.5f, MARGIN, y - 12, new Color(20, 50, 110));
        y -= 17;
    }

    private void text(String s, float size, Color colour) throws IOException {
        for (String line : wrap(s, regular, size, WIDTH)) {
            ensure(size + 3);
            show(line, regular, size, MARGIN, y - size, colour);
            y -= size + 3;
        }
    }

    private void paragraph(String s, float size) throws IOException {
        for (String para : s.split("\n")) {
            text(para, size, Color.BLACK);
        }
        y -= 3;
    }

    private void keyValue(String key, String value) throws IOException {
        float size = 8.5f;
        float keyWidth = 130; // "Interpreting neurophysiologist" at 8.5 pt
        List<String> lines = wrap(value, regular, size, WIDTH - keyWidth);
        for (int i = 0; i < lines.size(); i++) {
            ensure(size + 3);
            if (i == 0) {
                show(key, regular, size, MARGIN, y - size, Color.DARK_GRAY);
            }
            show(lines.get(i), regular, size, MARGIN + keyWidth, y - size, Color.BLACK);
            y -= size + 3;
        }
    }

    private void table(String[] header, float[] widths, List<String[]> rows) throws IOException {
        float size = 7.5f;
        if (rows.isEmpty()) {
            text("none", 9, Color.BLACK);
            return;
        }
        row(header, widths, size, true);
        for (String[] r : rows) {
            row(r, widths, size, false);
        }
        y -= 4;
    }

    private void row(String[] cells, float[] widths, float size, boolean head) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> w = wrap(cells[i] == null ? "" : cells[i], regular, size, widths[i] - 3);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * (size + 2) + 2;
        ensure(height);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            for (int l = 0; l < wrapped.get(i).size(); l++) {
                show(wrapped.get(i).get(l), regular, size, x, y - size - l * (size + 2), head ? new Color(20, 50, 110) : Color.BLACK);
            }
            x += widths[i];
        }
        y -= height;
        out.setStrokingColor(head ? Color.GRAY : new Color(225, 225, 225));
        out.setLineWidth(0.4f);
        out.moveTo(MARGIN, y + 1);
        out.lineTo(MARGIN + WIDTH, y + 1);
        out.stroke();
    }

    /** Header and footer on every page, once the number of pages is known. */
    private void decorate(String caseId, ReportArchive.Signing signing) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = s;
                float h = PDRectangle.A4.getHeight();
                show("OpenIONM · IONM report · case " + caseId, regular, 8, MARGIN, h - 30, Color.DARK_GRAY);
                String warn = "NOT FOR CLINICAL USE";
                show(warn, bold(warn), 8, MARGIN + WIDTH - bold(warn).getStringWidth(warn) / 1000 * 8, h - 30, new Color(200, 30, 30));
                s.setStrokingColor(Color.GRAY);
                s.setLineWidth(0.5f);
                s.moveTo(MARGIN, h - 36);
                s.lineTo(MARGIN + WIDTH, h - 36);
                s.stroke();
                show("case " + caseId + " · not for clinical use (research software)", regular, 7.5f, MARGIN, 28, Color.DARK_GRAY);
                // 21 CFR 11.50: the signature's printed name, date/time and meaning on every printed page
                String signed = signing == null ? "DRAFT, not signed"
                        : "Signed (version " + signing.version() + "): " + signing.signature().printedName() + ", "
                                + signing.signature().signedAt() + ", " + signing.signature().meaning();
                show(signed, regular, 7.5f, MARGIN, 18, signing == null ? new Color(200, 30, 30) : Color.DARK_GRAY);
                String pages = "page " + (i + 1) + " of " + n;
                show(pages, regular, 7.5f, MARGIN + WIDTH - regular.getStringWidth(pages) / 1000 * 7.5f, 28, Color.DARK_GRAY);
            }
        }
    }

    private void show(String s, PDFont font, float size, float x, float yy, Color colour) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(colour);
        out.newLineAtOffset(x, yy);
        out.showText(font == regular ? safe(s) : s);
        out.endText();
    }

    /** Helvetica-Bold when WinAnsi can encode the text, else the embedded font (a name with ł, a µ). */
    private PDFont bold(String s) {
        try {
            bold.encode(s);
            return bold;
        } catch (IllegalArgumentException | IOException e) {
            return regular;
        }
    }

    /** Whether the embedded font has a glyph, per code point (asking the font each time is slow). */
    private final java.util.Map<Integer, Boolean> hasGlyph = new java.util.HashMap<>();

    /** Characters the embedded font has no glyph for become '?', rather than failing the whole report. */
    private String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\r' || cp == '\n') {
                sb.append(' ');
            } else if (cp < 128 && cp >= 32 || hasGlyph.computeIfAbsent(cp, this::encodable)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private boolean encodable(int cp) {
        try {
            regular.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private List<String> wrap(String s, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(s).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty() && font.getStringWidth(word) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the column (a hash, a long id) is cut where it fills the line
            String w = word;
            while (font.getStringWidth(w) / 1000 * size > width && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && font.getStringWidth(w.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** UCUM codes as a reader writes them (uV → µV). */
    static String unit(String ucum) {
        return switch (ucum) {
            case "uV" -> "µV";
            case "uV*ms", "uV.ms" -> "µV·ms";
            default -> ucum;
        };
    }
}
