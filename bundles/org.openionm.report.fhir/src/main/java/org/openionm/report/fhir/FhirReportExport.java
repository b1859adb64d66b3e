package org.openionm.report.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openionm.cases.LibraryLogging;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.openionm.core.processing.Measurement;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.ReportContent;
import org.openionm.report.ReportContent.BaselineRow;
import org.openionm.report.ReportContent.Change;


/**
 * A case report as a FHIR R4 {@code Bundle} of type {@code collection} (docs/fhir.md): the Patient, the
 * interpreting neurophysiologist and the technologist as Practitioners, a DiagnosticReport (final when
 * signed, amended after an amendment, else preliminary; the PDF as {@code presentedForm}) and one
 * Observation per baseline value and per significant change, with UCUM quantities and the codes of
 * {@link IonmCodes}. Every number comes from the report's content and the re-analysis it was drafted
 * from ({@link CaseAnalysis}); nothing is recomputed differently here.
 *
 * <p>Plain API, no OSGi service: a site without this bundle (and HAPI FHIR) simply has no FHIR export.
 *
 * @since 0.2.0
 */
public final class FhirReportExport {

    /** Where the case's identifiers are issued; a site with its own MRN system maps this on import. */
    public static final String CASE_ID_SYSTEM = "http://openionm.org/fhir/NamingSystem/case-id";

    private FhirReportExport() {
    }

    /**
     * What to export.
     *
     * @param monitoringCase null for a recording without a case (no Patient, no Practitioners)
     * @param content        the report as drafted (or its de-identified copy); {@code signing()} decides the status
     * @param analyses       the re-analysis the content was drafted from, one per segment
     * @param segmentStarts  segment number → wall-clock start of its case clock (case time 0)
     * @param pdf            the report's PDF exactly as written
     * @param deidentified   when true: no names, MRN, birth date, case id; dates moved back by {@code shiftDays}
     * @param shiftDays      the export's secret date offset (0 unless de-identified)
     */
    public record Source(MonitoringCase monitoringCase, ReportContent content, List<CaseAnalysis> analyses,
            Map<Integer, Instant> segmentStarts, byte[] pdf, boolean deidentified, int shiftDays) {
        public Source {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(pdf, "pdf");
            analyses = List.copyOf(analyses);
            segmentStarts = Map.copyOf(segmentStarts);
        }
    }

    /**
     * The bundle as pretty-printed JSON, written by the R4 model's own serializer
     * ({@code org.hl7.fhir.r4.formats.JsonParser}, the HL7 reference implementation HAPI's R4 structures
     * are generated with). Not through {@code FhirContext.forR4()}: that needs the bundle
     * hapi-fhir-structures-r4, whose manifest requires a package of hapi-fhir-server, which is not on
     * Maven Central at 8.12.1 (docs/fhir.md).
     */
    public static String json(Source source, Instant now) {
        LibraryLogging.start();
        try {
            return new org.hl7.fhir.r4.formats.JsonParser().setOutputStyle(org.hl7.fhir.r4.formats.IParser.OutputStyle.PRETTY)
                    .composeString(bundle(source, now));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a bundle written by {@link #json} (or any R4 JSON resource) back. */
    public static Resource parse(String json) {
        LibraryLogging.start();
        try {
            return new org.hl7.fhir.r4.formats.JsonParser().parse(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Builds the bundle. {@code now} stamps it (and the report, while unsigned). */
    public static Bundle bundle(Source s, Instant now) {
        LibraryLogging.start();
        Ids ids = new Ids(s);
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(shift(now, s)));
        bundle.setId(ids.next("bundle").substring("urn:uuid:".length()));

        ReportArchive.Signing signing = s.content().signing();
        DiagnosticReport.DiagnosticReportStatus reportStatus = signing == null ? DiagnosticReport.DiagnosticReportStatus.PRELIMINARY
                : signing.version() > 1 ? DiagnosticReport.DiagnosticReportStatus.AMENDED : DiagnosticReport.DiagnosticReportStatus.FINAL;
        Observation.ObservationStatus observationStatus = signing == null ? Observation.ObservationStatus.PRELIMINARY
                : signing.version() > 1 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL;

        Reference patient = null;
        Reference neurophysiologist = null;
        Reference technologist = null;
        MonitoringCase c = s.monitoringCase();
        if (c != null) {
            patient = add(bundle, ids.next("patient"), patient(c, s.deidentified()));
            Optional<TeamMember> n = c.details().member(TeamRole.NEUROPHYSIOLOGIST);
            if (n.isPresent()) {
                neurophysiologist = add(bundle, ids.next("neurophysiologist"), practitioner(n.get(), s.deidentified()));
            }
            Optional<TeamMember> t = c.details().member(TeamRole.TECHNOLOGIST);
            if (t.isPresent()) {
                technologist = add(bundle, ids.next("technologist"), practitioner(t.get(), s.deidentified()));
            }
        }

        DiagnosticReport report = new DiagnosticReport();
        String reportUrl = ids.next("report");
        // observations are listed after the report (readers look for the report first), so they are collected here
        List<Bundle.BundleEntryComponent> observations = new ArrayList<>();
        Map<String, Reference> baselineRefs = new HashMap<>();
        int n = 0;
        for (BaselineRow b : s.content().baselines()) {
            Observation o = baseline(b, s, observationStatus);
            subjectAndPerformer(o, patient, technologist);
            String url = ids.next("baseline/" + (++n));
            observations.add(new Bundle.BundleEntryComponent().setFullUrl(url).setResource(o));
            baselineRefs.putIfAbsent(key(b.modality(), b.site(), b.channel()), new Reference(url));
        }
        n = 0;
        for (Change ch : s.content().changes()) {
            Observation o = change(ch, s, observationStatus);
            subjectAndPerformer(o, patient, technologist);
            Reference base = baselineRefs.get(key(ch.modality(), ch.site(), ch.channel()));
            if (base != null) {
                o.addDerivedFrom(new Reference(base.getReference()));
            }
            observations.add(new Bundle.BundleEntryComponent().setFullUrl(ids.next("change/" + (++n))).setResource(o));
        }

        report.setStatus(reportStatus);
        report.addCategory(IonmCodes.concept(IonmCodes.CATEGORY_IONM));
        report.setCode(IonmCodes.concept(IonmCodes.REPORT));
        if (!s.deidentified() && c != null) {
            report.addIdentifier(new Identifier().setSystem(CASE_ID_SYSTEM).setValue(c.id()));
        }
        if (patient != null) {
            report.setSubject(new Reference(patient.getReference()));
        }
        if (c != null && c.actualStart() != null) {
            Period p = new Period().setStart(Date.from(shift(c.actualStart(), s)));
            if (c.actualEnd() != null) {
                p.setEnd(Date.from(shift(c.actualEnd(), s)));
            }
            report.setEffective(p);
        }
        report.setIssued(Date.from(shift(signing == null ? now : signing.signature().signedAt(), s)));
        if (neurophysiologist != null) {
            report.addPerformer(new Reference(neurophysiologist.getReference()));
            report.addResultsInterpreter(new Reference(neurophysiologist.getReference()));
        }
        observations.forEach(e -> report.addResult(new Reference(e.getFullUrl())));
        report.setConclusion(s.content().conclusion());
        report.addPresentedForm(pdf(s.pdf(), s, signing));
        bundle.addEntry().setFullUrl(reportUrl).setResource(report);
        observations.forEach(bundle::addEntry);
        return bundle;
    }

    private static Reference add(Bundle bundle, String fullUrl, Resource r) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(r);
        return new Reference(fullUrl);
    }

    private static void subjectAndPerformer(Observation o, Reference patient, Reference technologist) {
        if (patient != null) {
            o.setSubject(new Reference(patient.getReference()));
        }
        if (technologist != null) {
            o.addPerformer(new Reference(technologist.getReference()));
        }
    }

    static Patient patient(MonitoringCase c, boolean deidentified) {
        org.openionm.cases.Patient p = c.patient();
        Patient r = new Patient();
        r.setGender(AdministrativeGender.fromCode(p.sex().code()));
        if (deidentified) {
            return r;
        }
        r.addIdentifier().setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))).setValue(p.mrn());
        HumanName name = r.addName().setFamily(p.familyName());
        for (String given : p.givenName().split(" ")) {
            if (!given.isBlank()) {
                name.addGiven(given);
            }
        }
        if (p.birthDate() != null) {
            r.setBirthDate(java.sql.Date.valueOf(p.birthDate()));
        }
        return r;
    }

    static Practitioner practitioner(TeamMember m, boolean deidentified) {
        Practitioner r = new Practitioner();
        if (!deidentified) {
            r.addName().setText(m.name());
        }
        if (!m.credentials().isBlank()) {
            r.addQualification().setCode(new CodeableConcept().setText(m.credentials()));
        }
        return r;
    }

    static Observation baseline(BaselineRow b, Source s, Observation.ObservationStatus status) {
        Observation o = new Observation();
        o.setStatus(status);
        o.addCategory(IonmCodes.procedureCategory());
        boolean evoked = !Double.isNaN(b.latencyMs()) || !Double.isNaN(b.amplitudeUv());
        o.setCode(IonmCodes.concept(evoked ? IonmCodes.EVOKED_BASELINE : IonmCodes.BASELINE)
                .setText(b.modality() + " " + b.site() + " " + b.channel() + " " + b.component() + " baseline"));
        o.getBodySite().setText(b.site());
        o.getMethod().setText(b.modality() + ", recorded " + b.channel() + ", measured by " + b.provenance());
        o.setEffective(new DateTimeType(Date.from(at(b.timeSeconds(), segmentOf(b, s), s)), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI));
        if (evoked) {
            o.setValue(IonmCodes.quantity(b.amplitudeUv(), "uV"));
            component(o, IonmCodes.LATENCY, b.latencyMs(), "ms");
            component(o, IonmCodes.AMPLITUDE, b.amplitudeUv(), "uV");
        } else {
            o.setValue(IonmCodes.quantity(b.value(), b.unit()));
            component(o, IonmCodes.VALUE, b.value(), b.unit());
        }
        return o;
    }

    static Observation change(Change ch, Source s, Observation.ObservationStatus status) {
        Observation o = new Observation();
        o.setStatus(status);
        o.addCategory(IonmCodes.procedureCategory());
        o.setCode(IonmCodes.concept(IonmCodes.SIGNIFICANT_CHANGE)
                .setText(ch.modality() + " " + ch.site() + " " + ch.channel() + ": " + ch.criterion()));
        o.getBodySite().setText(ch.site());
        o.setEffective(new DateTimeType(Date.from(at(ch.raisedSeconds(), ch.segment(), s)), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI));
        o.addInterpretation().setText(ch.priority());
        BaselineRow base = s.content().baselines().stream().filter(b -> b.modality().equals(ch.modality()) && b.site().equals(ch.site())
                && b.channel().equals(ch.channel())).findFirst().orElse(null);
        Measurement at = base == null ? null : atRaise(ch, base, s);
        if (base != null && at != null) {
            if (!Double.isNaN(base.amplitudeUv()) && !Double.isNaN(at.amplitudeUv())) {
                double change = percent(at.amplitudeUv(), base.amplitudeUv());
                o.setValue(IonmCodes.quantity(change, "%"));
                component(o, IonmCodes.LATENCY, at.latencyMs(), "ms");
                component(o, IonmCodes.AMPLITUDE, at.amplitudeUv(), "uV");
                component(o, IonmCodes.AMPLITUDE_CHANGE, change, "%");
                component(o, IonmCodes.LATENCY_CHANGE, percent(at.latencyMs(), base.latencyMs()), "%");
            } else if (!Double.isNaN(at.value())) {
                double change = percent(at.value(), base.value());
                o.setValue(IonmCodes.quantity(change, "%"));
                component(o, IonmCodes.VALUE, at.value(), at.unit());
                component(o, IonmCodes.VALUE_CHANGE, change, "%");
            }
        }
        StringBuilder note = new StringBuilder("Values: ").append(ch.values()).append(" against ").append(ch.baseline())
                .append(". Informed: ").append(ch.informed()).append(". Interventions: ").append(ch.interventions()).append(". ");
        note.append(Double.isNaN(ch.recoveredSeconds()) ? "Not recovered by the end of monitoring."
                : "Recovered at " + at(ch.recoveredSeconds(), ch.segment(), s) + " (" + ch.recoveryValues() + ").");
        o.addNote().setText(note.toString());
        return o;
    }

    /** The measurement of the change's series at its raise: the last one at or before it (the one that met the criterion). */
    private static Measurement atRaise(Change ch, BaselineRow base, Source s) {
        return s.analyses().stream().filter(a -> a.segment() == ch.segment()).flatMap(a -> a.measurements().stream())
                .filter(m -> m.modality().equals(ch.modality()) && m.site().equals(ch.site()) && m.channel().equals(ch.channel())
                        && m.component().equals(base.component()) && m.timeSeconds() <= ch.raisedSeconds() + 1e-9)
                .max(Comparator.comparingDouble(Measurement::timeSeconds)).orElse(null);
    }

    private static double percent(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? Double.NaN : 100.0 * (value - baseline) / baseline;
    }

    private static void component(Observation o, String code, double value, String unit) {
        if (Double.isNaN(value)) {
            return;
        }
        ObservationComponentComponent c = o.addComponent();
        c.setCode(IonmCodes.concept(code));
        c.setValue(IonmCodes.quantity(value, unit));
    }

    /** The segment a baseline row was measured in: the analysis holding a measurement of it at that time. */
    private static int segmentOf(BaselineRow b, Source s) {
        return s.analyses().stream().filter(a -> a.measurements().stream().anyMatch(m -> m.timeSeconds() == b.timeSeconds()
                && m.modality().equals(b.modality()) && m.site().equals(b.site()) && m.channel().equals(b.channel())))
                .mapToInt(CaseAnalysis::segment).findFirst().orElse(1);
    }

    /** Case time of a segment as a wall-clock instant (shifted when de-identified). */
    private static Instant at(double caseSeconds, int segment, Source s) {
        Instant start = s.segmentStarts().get(segment);
        if (start == null && s.monitoringCase() != null) {
            start = s.monitoringCase().actualStart();
        }
        if (start == null) {
            start = Instant.EPOCH;
        }
        return shift(start.plusNanos(Math.round(caseSeconds * 1e9)), s);
    }

    private static Instant shift(Instant t, Source s) {
        return s.deidentified() ? t.minus(Duration.ofDays(s.shiftDays())) : t;
    }

    private static Attachment pdf(byte[] pdf, Source s, ReportArchive.Signing signing) {
        Attachment a = new Attachment();
        a.setContentType("application/pdf");
        a.setData(pdf);
        a.setSize(pdf.length);
        a.setHash(sha1(pdf));
        a.setTitle(signing == null ? "IONM report (draft, not signed)" : "IONM report, signed version " + signing.version());
        return a;
    }

    private static byte[] sha1(byte[] data) {
        try {
            // FHIR R4 Attachment.hash is defined as SHA-1; the audit trail keeps the SHA-256
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String modality, String site, String channel) {
        return modality + "/" + site + "/" + channel;
    }

    /**
     * Entry URLs: stable ({@code urn:uuid} named from case id and role) so a re-export of the same case
     * names the same resources; random when de-identified, so they cannot be traced back to the case id.
     */
    private static final class Ids {
        private final String caseId;
        private final boolean random;

        Ids(Source s) {
            this.caseId = s.monitoringCase() == null ? s.content().caseId() : s.monitoringCase().id();
            this.random = s.deidentified();
        }

        String next(String role) {
            UUID u = random ? UUID.randomUUID() : UUID.nameUUIDFromBytes(("openionm:" + caseId + ":" + role).getBytes(StandardCharsets.UTF_8));
            return "urn:uuid:" + u;
        }
    }
}
