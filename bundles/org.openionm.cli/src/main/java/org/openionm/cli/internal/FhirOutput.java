package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.openionm.cases.MonitoringCase;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.ReportContent;

/**
 * The {@code --fhir} output of {@code report}, apart from {@link ReportApplication} so that only this class
 * names {@code org.openionm.report.fhir} (imported optionally): without the FHIR feature the report command
 * still runs and {@code --fhir} says what is missing.
 */
final class FhirOutput {

    private FhirOutput() {
    }

    static int write(Path out, MonitoringCase c, ReportContent content, List<CaseAnalysis> analyses, Map<Integer, Instant> starts,
            byte[] pdf, boolean deidentified, int shiftDays) throws java.io.IOException {
        try {
            var source = new org.openionm.report.fhir.FhirReportExport.Source(c, content, analyses, starts, pdf, deidentified, shiftDays);
            String json = org.openionm.report.fhir.FhirReportExport.json(source, Instant.now());
            Files.writeString(out, json, StandardCharsets.UTF_8);
            return json.length();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("--fhir needs the FHIR export (feature org.openionm.report.fhir.feature), which is not installed");
        }
    }
}
