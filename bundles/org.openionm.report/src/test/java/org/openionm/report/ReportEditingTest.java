package org.openionm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditTrail;
import org.openionm.cases.AuditVerification;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.ReportSignature;
import org.openionm.cases.Role;
import org.openionm.cases.SignedReport;
import org.openionm.cases.User;

/**
 * The editor's logic without a screen or a database: the text starts as the draft's, is kept in the
 * case folder and audit-logged in the saver's name, signing hands the edited text to the archive's
 * renderer, and after the first signature every change is an amendment with a reason. The archive
 * here only records what it is asked (its own checks of password and role are tested in the cases
 * bundle against H2 and PostgreSQL, and through the editor in the Review UI test).
 */
class ReportEditingTest {

    static final Instant T = Instant.parse("2026-12-05T03:10:00Z");

    @TempDir
    Path dir;

    final List<AuditEntry> audit = new ArrayList<>();
    final List<SignedReport> versions = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    final List<ReportContent> printed = new ArrayList<>();

    final AuditTrail trail = new AuditTrail() {
        @Override
        public AuditEntry append(String actor, String action, String caseId, String detail) {
            AuditEntry e = new AuditEntry(audit.size() + 1, T, actor, action, caseId, detail, "", "");
            audit.add(e);
            return e;
        }

        @Override
        public List<AuditEntry> entries(String caseId) {
            return audit;
        }

        @Override
        public AuditVerification verify(String caseId) {
            throw new UnsupportedOperationException();
        }
    };

    final ReportArchive archive = new ReportArchive() {
        @Override
        public SignedReport sign(String caseId, String username, char[] password, String amendmentReason,
                Function<Signing, byte[]> render, Instant now) {
            reasons.add(amendmentReason);
            ReportSignature s = new ReportSignature(username, "Dr. Neil Reader, MD", now, ReportSignature.INTERPRETED_AND_APPROVED);
            byte[] pdf = render.apply(new Signing(s, versions.size() + 1, amendmentReason, versions));
            SignedReport r = new SignedReport(caseId, versions.size() + 1, s, amendmentReason, "hash", pdf.length);
            versions.add(r);
            return r;
        }

        @Override
        public List<SignedReport> versions(String caseId) {
            return List.copyOf(versions);
        }

        @Override
        public byte[] pdf(String caseId, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> verify(String caseId) {
            return List.of();
        }
    };

    ReportEditing editing() {
        ReportContent draft = new ReportContent("C-7", new ReportContent.Header(List.<String[]>of()), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), "Drafted interpretation", "Drafted conclusion", List.of(), null);
        return new ReportEditing(draft, dir.resolve("cases/C-7"), archive, trail, c -> {
            printed.add(c);
            return (c.interpretation() + "|" + c.conclusion()).getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void theEditorStartsWithTheDraftAndKeepsTheSavedTextWithTheCase() {
        ReportEditing e = editing();
        assertEquals(new ReportEditing.Texts("Drafted interpretation", "Drafted conclusion"), e.texts());
        assertTrue(e.saved().isEmpty());
        assertFalse(e.locked());

        ReportEditing.Texts mine = new ReportEditing.Texts("SSEP stable; TcMEP loss at 01:02 recovered.\nLine 2 = ok", "No lasting change.");
        assertTrue(e.save(mine, "neil"));
        assertTrue(dir.resolve("cases/C-7/" + ReportEditing.TEXT_FILE).toFile().isFile());
        // another editor (a reopened workbench) reads the same text back
        assertEquals(mine, editing().texts());

        assertEquals(1, audit.size());
        AuditEntry saved = audit.get(0);
        assertEquals("neil", saved.actor());
        assertEquals(ReportEditing.TEXT_SAVED, saved.action());
        assertEquals("C-7", saved.caseId());
        assertTrue(saved.detail().contains("interpretation=" + mine.interpretation().length() + " chars"), saved.detail());
        assertTrue(saved.detail().contains("sha256=" + ReportEditing.sha256(mine.interpretation() + "\u0000" + mine.conclusion())),
                saved.detail());

        assertFalse(e.save(mine, "neil"), "the unchanged text is not saved again");
        assertEquals(1, audit.size());
    }

    @Test
    void signingPrintsTheEditedTextAndLocksAndAChangeAfterwardsIsAnAmendmentWithAReason() {
        ReportEditing e = editing();
        ReportEditing.Texts first = new ReportEditing.Texts("Interpretation v1", "Conclusion v1");
        SignedReport v1 = e.sign(first, "neil", "pw".toCharArray(), "ignored: not an amendment", T);
        assertEquals(1, v1.version());
        assertNull(reasons.get(0), "the first signature carries no reason");
        ReportContent p1 = printed.get(printed.size() - 1);
        assertEquals("Interpretation v1", p1.interpretation());
        assertEquals(1, p1.signing().version());
        assertTrue(e.locked());
        assertEquals(first, e.texts(), "the signed text is what the editor shows");
        assertFalse(e.unsignedChanges());
        assertTrue(e.save(new ReportEditing.Texts("Interpretation v2 in work", "Conclusion v1"), "neil"));
        assertTrue(e.unsignedChanges(), "a saved change of the signed report waits to be signed as an amendment");

        ReportEditing.Texts second = new ReportEditing.Texts("Interpretation v2", "Conclusion v1");
        IllegalStateException noReason = assertThrows(IllegalStateException.class, () -> e.sign(second, "neil", "pw".toCharArray(), " ", T));
        assertTrue(noReason.getMessage().contains("amendment"), noReason.getMessage());
        assertEquals(1, reasons.size(), "refused before the archive was asked");

        SignedReport v2 = e.sign(second, "neil", "pw".toCharArray(), "  wrong level corrected ", T.plusSeconds(60));
        assertEquals(2, v2.version());
        assertEquals("wrong level corrected", reasons.get(1));
        assertEquals(2, e.versions().size());
        assertEquals("Interpretation v2", printed.get(printed.size() - 1).interpretation());
        assertEquals("Version 2: signed by Dr. Neil Reader, MD on 2026-12-05 04:11:00 +01:00 — interpreted and approved — amendment: "
                + "wrong level corrected", ReportEditing.describe(v2, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void onlyAnActiveNeurophysiologistMaySign() {
        User tech = new User("terry", "Terry Tech", "CNIM", EnumSet.of(Role.TECHNOLOGIST), false, true);
        User neuro = new User("neil", "Dr. Neil Reader", "MD", EnumSet.of(Role.NEUROPHYSIOLOGIST), false, true);
        User disabled = new User("old", "Dr. Old", "MD", Set.of(Role.NEUROPHYSIOLOGIST), false, false);
        assertFalse(ReportEditing.maySign(tech));
        assertEquals("Only a neurophysiologist signs a report: Terry Tech, CNIM is a technologist. Ask the interpreting "
                + "neurophysiologist to sign.", ReportEditing.whyNot(tech));
        assertTrue(ReportEditing.maySign(neuro));
        assertEquals("", ReportEditing.whyNot(neuro));
        assertFalse(ReportEditing.maySign(disabled));
        assertFalse(ReportEditing.maySign(null));
    }
}
