package org.openionm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.ReportSignature;
import org.openionm.cases.SignedReport;
import org.openionm.report.ReportContent.BaselineRow;
import org.openionm.report.ReportContent.Change;
import org.openionm.report.ReportContent.Curve;
import org.openionm.report.ReportContent.LogLine;
import org.openionm.report.ReportContent.WaveformPanel;

/**
 * The PDF layer alone, on hand-made content: what it prints is read back with PDFBox's own text
 * extractor (a reader independent of how it was drawn), non-WinAnsi characters survive, every page
 * is numbered "x of y", and the waveforms are vector paths, not images.
 */
class PdfReportWriterTest {

    static ReportContent content(int logEntries, ReportArchive.Signing signing) {
        List<LogLine> log = new ArrayList<>();
        for (int i = 0; i < logEntries; i++) {
            log.add(new LogLine(ReportDrafts.time(10 * i), "2026-12-04 08:00:00", "Note", "entry number " + i, "terry"));
        }
        float[] wave = new float[500];
        for (int i = 0; i < wave.length; i++) {
            wave[i] = (float) (2.5 * Math.sin(i / 20.0));
        }
        return new ReportContent("2026-12-04-001",
                new ReportContent.Header(List.<String[]>of(new String[] { "Patient", "Łukasiewicz, Zoë" }, new String[] { "MRN", "ABC123" })),
                List.of(new ReportContent.ProtocolLine("ssep", "SSEP", "tibial.left", "CPz-Fpz", "highpass.hz = 30",
                        "alarm.amplitude.decrease.percent = 50.0", "defaults")),
                List.of(new BaselineRow("ssep", "tibial.left", "CPz-Fpz", "P37", 38.12, 1.53, 1.53, "uV", 180, "ssep 0.2.0")),
                List.of(new Change(1, 331.4, "ssep", "tibial.left", "CPz-Fpz", "amplitude ↓ ≥ 50 % (ASNM 2024)", "HIGH", "0.61 µV",
                        "1.53 µV at 180 s", "0:05:40 informed=Dr. Cutter", "0:06:00 MAP raised", 520, "1.40 µV")),
                List.of(new WaveformPanel("ssep tibial.left CPz-Fpz", 5000, List.of(new Curve("baseline", wave), new Curve("smallest", wave),
                        new Curve("closing", wave)))),
                List.of(), log, "Interpretation text.", "Conclusion text.", List.of("segment 1"), signing);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void whatIsPrintedReadsBackIncludingCharactersWinAnsiLacks() throws Exception {
        String text = text(PdfReportWriter.write(content(3, null)));
        for (String expected : List.of("Łukasiewicz, Zoë", "ABC123", "38.12 ms", "1.53 µV", "amplitude ↓ ≥ 50 % (ASNM 2024)", "0:05:31",
                "entry number 2", "DRAFT", "NOT FOR CLINICAL USE", "case 2026-12-04-001")) {
            assertTrue(text.contains(expected), "'" + expected + "' in\n" + text);
        }
    }

    @Test
    void everyPageIsNumberedAndWaveformsAreLinesNotImages() throws Exception {
        byte[] pdf = PdfReportWriter.write(content(200, null));
        try (PDDocument d = Loader.loadPDF(pdf)) {
            int n = d.getNumberOfPages();
            assertTrue(n >= 3, "200 log entries take several pages: " + n);
            for (int i = 1; i <= n; i++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(i);
                page.setEndPage(i);
                String t = page.getText(d);
                assertTrue(t.contains("page " + i + " of " + n), "page " + i + ": " + t);
                assertTrue(t.contains("NOT FOR CLINICAL USE"), "page " + i);
            }
            for (PDPage p : d.getPages()) {
                PDResources r = p.getResources();
                for (COSName name : r.getXObjectNames()) {
                    assertTrue(!r.isImageXObject(name), "no images: " + name);
                }
            }
            String first = new String(d.getPage(0).getContents().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(first.contains(" l\n") || first.contains(" l "), "line segments drawn on page 1");
        }
    }

    @Test
    void aSignedAmendmentPrintsItsSignatureAndTheVersionBefore() throws Exception {
        ReportSignature s1 = new ReportSignature("neil", "Dr. Neil Reader, MD, DABNM", Instant.parse("2026-12-04T18:00:00Z"),
                ReportSignature.INTERPRETED_AND_APPROVED);
        ReportSignature s2 = new ReportSignature("neil", "Dr. Neil Reader, MD, DABNM", Instant.parse("2026-12-05T09:30:00Z"),
                ReportSignature.INTERPRETED_AND_APPROVED);
        SignedReport v1 = new SignedReport("2026-12-04-001", 1, s1, "", "ab".repeat(32), 1234);
        byte[] pdf = PdfReportWriter.write(content(120, new ReportArchive.Signing(s2, 2, "wrong muscle named", List.of(v1))));
        String text = text(pdf);
        int pages;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            pages = d.getNumberOfPages();
        }
        assertTrue(pages >= 2, "several pages: " + pages);
        assertEquals(pages, text.split("Signed \\(version 2\\): Dr. Neil Reader, MD, DABNM, 2026-12-05T09:30:00Z, interpreted and approved",
                -1).length - 1, "the signature's name, time and meaning on every page (21 CFR 11.50)");
        for (String expected : List.of("AMENDMENT: version 2", "wrong muscle named", "Signed by", "Dr. Neil Reader, MD, DABNM",
                "2026-12-05T09:30:00Z", "interpreted and approved", "signed by Dr. Neil Reader, MD, DABNM at 2026-12-04T18:00:00Z")) {
            assertTrue(text.contains(expected), "'" + expected + "' in\n" + text);
        }
        assertEquals(false, text.contains("DRAFT"));
    }
}
