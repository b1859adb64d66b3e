package org.openionm.report.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmState;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseState;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Procedure;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.ReportSignature;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.PdfReportWriter;
import org.openionm.report.ReportContent;
import org.openionm.report.ReportDeidentifier;
import org.openionm.report.ReportDrafts;

/**
 * The FHIR export of a case whose numbers are known by construction: a re-analysis with an SSEP P37
 * baseline of 38.12 ms / 1.53 µV (at 170 s, the last measurement before the 180 s capture), a TcMEP
 * TA-L baseline of 28.00 ms / 369 µV, and one SSEP alarm raised at 331.4 s when P37 was 39.00 ms /
 * 0.61 µV (hand-computed: amplitude −60.1307 %, latency +2.3085 %), cleared at 520 s. The JSON is
 * parsed back by the R4 model's JSON parser (org.hl7.fhir.r4.formats.JsonParser) and every value is checked against those numbers.
 */
class FhirReportExportTest {

    static final Instant START = Instant.parse("2026-12-04T08:00:00Z");
    static final Provenance SSEP = new Provenance("ssep 0.2.0.test", Map.of());
    static final Provenance MEP = new Provenance("mep 0.2.0.test", Map.of());

    static MonitoringCase monitoringCase() {
        var patient = new org.openionm.cases.Patient("Łukasiewicz^Zoë", "MRN-778899", LocalDate.of(1961, 3, 2), Sex.FEMALE);
        var details = new CaseDetails(patient, new Procedure("posterior spinal fusion", "", "T10-L2", Side.MIDLINE), START,
                List.of(new TeamMember(TeamRole.SURGEON, "Dr. Carla Cutter", "MD"),
                        new TeamMember(TeamRole.TECHNOLOGIST, "Terry Tech", "CNIM"),
                        new TeamMember(TeamRole.NEUROPHYSIOLOGIST, "Dr. Neil Reader", "MD, DABNM")),
                null);
        return new MonitoringCase("2026-12-04-001", details, CaseState.CLOSED, START, START.plusSeconds(600), START.minusSeconds(3600),
                "terry", Path.of("cases/2026-12-04-001"), false);
    }

    static CaseAnalysis analysis() {
        AlarmKey key = new AlarmKey("ssep", "tibial.left", "CPz-Fpz", "amplitude decrease >= 50 % (ASNM 2024)");
        return new CaseAnalysis(1, Path.of("2026-12-04-001-001.bdf"), 600, 180, "event log", Map.of(), Map.of("ssep", SSEP.producer()),
                List.of(new Measurement(100, "ssep", "tibial.left", "CPz-Fpz", "P37", 38.00, 1.60, 200, 0, SSEP),
                        new Measurement(170, "ssep", "tibial.left", "CPz-Fpz", "P37", 38.12, 1.53, 200, 0, SSEP),
                        new Measurement(175, "mep", "tcmep.C4C3", "TA-L", "p2p", 28.00, 369.0, 1, 0, MEP),
                        new Measurement(330, "ssep", "tibial.left", "CPz-Fpz", "P37", 39.00, 0.61, 200, 0, SSEP),
                        new Measurement(520, "ssep", "tibial.left", "CPz-Fpz", "P37", 38.30, 1.40, 200, 0, SSEP)),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new AlarmLogEntry(1, 331.4, AlarmLogEntry.Event.RAISED, key, Priority.HIGH, AlarmState.ACTIVE_UNACKNOWLEDGED, "", "",
                        "P37 0.61 uV", "1.53 uV at 170 s", SSEP),
                        new AlarmLogEntry(2, 520, AlarmLogEntry.Event.CLEARED, key, Priority.HIGH, AlarmState.CLEARED_UNACKNOWLEDGED, "", "",
                                "P37 1.40 uV", "1.53 uV at 170 s", SSEP)),
                List.of());
    }

    static ReportContent content(MonitoringCase c) {
        CaseRecording r = new CaseRecording(c.id(), 1, Path.of("2026-12-04-001-001.bdf"), START, START.plusSeconds(600), 600, 1000,
                false, "");
        return ReportDrafts.draft(c, List.of(r), List.of(), List.of(analysis()), ZoneOffset.UTC);
    }

    static FhirReportExport.Source source(MonitoringCase c, ReportContent content, byte[] pdf, boolean deid, int shift) {
        return new FhirReportExport.Source(c, content, List.of(analysis()), Map.of(1, START), pdf, deid, shift);
    }

    static Bundle parse(String json) {
        return (Bundle) FhirReportExport.parse(json);
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    static void assertQuantity(Quantity q, double value, String ucum) {
        assertEquals(value, q.getValue().doubleValue(), 1e-4, "value in " + ucum);
        assertEquals(ucum, q.getCode());
        assertEquals(IonmCodes.UCUM, q.getSystem());
    }

    static Quantity component(Observation o, String code) {
        return o.getComponent().stream().filter(c -> c.getCode().getCodingFirstRep().getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + code + " in " + o.getCode().getText())).getValueQuantity();
    }

    @Test
    void theDraftParsesBackWithPatientTeamReportAndOneObservationPerBaselineAndChange() {
        MonitoringCase c = monitoringCase();
        ReportContent content = content(c);
        byte[] pdf = PdfReportWriter.write(content);
        Bundle b = parse(FhirReportExport.json(source(c, content, pdf, false, 0), Instant.parse("2026-12-04T12:00:00Z")));

        assertEquals(Bundle.BundleType.COLLECTION, b.getType());
        assertEquals(1, all(b, Patient.class).size());
        assertEquals(2, all(b, Practitioner.class).size(), "neurophysiologist and technologist");
        assertEquals(1, all(b, DiagnosticReport.class).size());
        List<Observation> obs = all(b, Observation.class);
        assertEquals(3, obs.size(), "2 baselines + 1 significant change");

        Patient p = all(b, Patient.class).get(0);
        assertEquals("Łukasiewicz", p.getNameFirstRep().getFamily());
        assertEquals("Zoë", p.getNameFirstRep().getGivenAsSingleString());
        assertEquals("MRN-778899", p.getIdentifierFirstRep().getValue());
        assertEquals("MR", p.getIdentifierFirstRep().getType().getCodingFirstRep().getCode());
        assertEquals("1961-03-02", p.getBirthDateElement().getValueAsString());
        assertEquals("female", p.getGender().toCode());

        DiagnosticReport r = all(b, DiagnosticReport.class).get(0);
        assertEquals(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY, r.getStatus(), "unsigned → preliminary");
        assertEquals(content.conclusion(), r.getConclusion());
        assertEquals(START, r.getEffectivePeriod().getStart().toInstant());
        assertEquals(START.plusSeconds(600), r.getEffectivePeriod().getEnd().toInstant());
        assertEquals("application/pdf", r.getPresentedFormFirstRep().getContentType());
        assertArrayEquals(pdf, r.getPresentedFormFirstRep().getData(), "the attachment is exactly the PDF");
        assertEquals(3, r.getResult().size());
        String performer = r.getPerformerFirstRep().getReference();
        Practitioner neil = (Practitioner) b.getEntry().stream().filter(e -> e.getFullUrl().equals(performer)).findFirst().orElseThrow()
                .getResource();
        assertEquals("Dr. Neil Reader", neil.getNameFirstRep().getText());
        assertEquals("MD, DABNM", neil.getQualificationFirstRep().getCode().getText());
        for (var ref : r.getResult()) {
            assertTrue(b.getEntry().stream().anyMatch(e -> e.getFullUrl().equals(ref.getReference())), "result resolves: " + ref.getReference());
        }

        Observation ssep = obs.stream().filter(o -> o.getCode().getText().startsWith("ssep") && o.getCode().getCodingFirstRep().getCode()
                .equals(IonmCodes.EVOKED_BASELINE)).findFirst().orElseThrow();
        assertEquals(IonmCodes.SYSTEM, ssep.getCode().getCodingFirstRep().getSystem());
        assertQuantity(ssep.getValueQuantity(), 1.53, "uV");
        assertQuantity(component(ssep, IonmCodes.LATENCY), 38.12, "ms");
        assertQuantity(component(ssep, IonmCodes.AMPLITUDE), 1.53, "uV");
        assertEquals(START.plusSeconds(170), ssep.getEffectiveDateTimeType().getValue().toInstant(), "case clock + case start");
        assertEquals(Observation.ObservationStatus.PRELIMINARY, ssep.getStatus());

        Observation mep = obs.stream().filter(o -> o.getCode().getText().startsWith("mep")).findFirst().orElseThrow();
        assertQuantity(component(mep, IonmCodes.LATENCY), 28.0, "ms");
        assertQuantity(component(mep, IonmCodes.AMPLITUDE), 369.0, "uV");

        Observation change = obs.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals(IonmCodes.SIGNIFICANT_CHANGE))
                .findFirst().orElseThrow();
        assertEquals(START.plusMillis(331_400), change.getEffectiveDateTimeType().getValue().toInstant());
        assertQuantity(change.getValueQuantity(), -60.1307, "%");
        assertQuantity(component(change, IonmCodes.AMPLITUDE_CHANGE), -60.1307, "%");
        assertQuantity(component(change, IonmCodes.LATENCY_CHANGE), 2.3085, "%");
        assertQuantity(component(change, IonmCodes.AMPLITUDE), 0.61, "uV");
        assertQuantity(component(change, IonmCodes.LATENCY), 39.0, "ms");
        assertTrue(change.getNoteFirstRep().getText().contains("Recovered at 2026-12-04T08:08:40Z"), change.getNoteFirstRep().getText());
        assertEquals(1, change.getDerivedFrom().size(), "refers to its baseline");
    }

    @Test
    void aSignedReportIsFinalAndAnAmendmentAmended() {
        MonitoringCase c = monitoringCase();
        ReportSignature sig = new ReportSignature("neil", "Dr. Neil Reader, MD, DABNM", Instant.parse("2026-12-04T18:00:00Z"),
                ReportSignature.INTERPRETED_AND_APPROVED);
        ReportContent signed = content(c).signed(new ReportArchive.Signing(sig, 1, "", List.of()));
        byte[] pdf = PdfReportWriter.write(signed);
        Bundle b = parse(FhirReportExport.json(source(c, signed, pdf, false, 0), Instant.now()));
        DiagnosticReport r = all(b, DiagnosticReport.class).get(0);
        assertEquals(DiagnosticReport.DiagnosticReportStatus.FINAL, r.getStatus());
        assertEquals(sig.signedAt(), r.getIssued().toInstant());
        assertTrue(all(b, Observation.class).stream().allMatch(o -> o.getStatus() == Observation.ObservationStatus.FINAL));

        ReportContent amended = content(c).signed(new ReportArchive.Signing(sig, 2, "wrong muscle", List.of()));
        Bundle b2 = parse(FhirReportExport.json(source(c, amended, pdf, false, 0), Instant.now()));
        assertEquals(DiagnosticReport.DiagnosticReportStatus.AMENDED, all(b2, DiagnosticReport.class).get(0).getStatus());
    }

    @Test
    void theDeidentifiedExportCarriesNoNameMrnBirthDateOrCaseIdAndShiftsDates() {
        MonitoringCase c = monitoringCase();
        List<String> ids = List.of("Łukasiewicz^Zoë", "Łukasiewicz", "Zoë", "MRN-778899", "1961-03-02", "Dr. Neil Reader", "Neil", "Reader",
                "Terry Tech", "Terry", "Dr. Carla Cutter", "Carla", "Cutter");
        ReportContent deid = ReportDeidentifier.deidentify(content(c), ids, 100);
        byte[] pdf = PdfReportWriter.write(deid);
        String json = FhirReportExport.json(source(c, deid, pdf, true, 100), Instant.parse("2026-12-04T12:00:00Z"));
        for (String id : List.of("Łukasiewicz", "Zoë", "MRN-778899", "1961-03-02", "1961", "Neil", "Reader", "Terry", "Cutter",
                "2026-12-04")) {
            assertFalse(json.contains(id), "'" + id + "' in the de-identified FHIR JSON");
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("MRN-778899"));
        Bundle b = parse(json);
        Patient p = all(b, Patient.class).get(0);
        assertTrue(p.getName().isEmpty() && p.getIdentifier().isEmpty() && p.getBirthDate() == null);
        DiagnosticReport r = all(b, DiagnosticReport.class).get(0);
        assertTrue(r.getIdentifier().isEmpty(), "no case id (it holds the date)");
        assertEquals(START.minus(java.time.Duration.ofDays(100)), r.getEffectivePeriod().getStart().toInstant(), "shifted like the EDF+ copy");
        assertArrayEquals(pdf, r.getPresentedFormFirstRep().getData(), "the de-identified PDF");
        assertNotNull(all(b, Observation.class).get(0).getValueQuantity());
        assertEquals(3, all(b, Observation.class).size());
    }
}
