package org.openionm.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.openionm.cases.AuditTrail;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.ReportSignature;
import org.openionm.cases.Role;
import org.openionm.cases.SignedReport;
import org.openionm.cases.User;

/**
 * What the report editor does to a case's report, without a UI: the neurophysiologist's text kept with
 * the case (a file in the case's folder, each save audit-logged in the saver's name with the text's
 * hash), signing and amending through the case store's {@link ReportArchive} (which checks user id,
 * password and role; nothing of that is repeated here), and what the editor shows: whether the report
 * is locked, the versions, the signature as printed.
 *
 * @since 0.2.0
 */
public final class ReportEditing {

    /** Audit action of a saved interpretation/conclusion (before signing, or the text of an amendment in work). */
    public static final String TEXT_SAVED = "report.text.saved";
    /** The file in the case's folder holding the saved text. */
    public static final String TEXT_FILE = "report-text.properties";

    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    /** The neurophysiologist's two texts. */
    public record Texts(String interpretation, String conclusion) {
        public Texts {
            interpretation = interpretation == null ? "" : interpretation;
            conclusion = conclusion == null ? "" : conclusion;
        }
    }

    private final String caseId;
    private final ReportContent draft;
    private final Path caseFolder;
    private final ReportArchive archive;
    private final AuditTrail audit;
    private final Function<ReportContent, byte[]> pdf;

    /**
     * @param draft      the report drafted from the case ({@link ReportDrafts#draft}); its text is the starting text
     * @param caseFolder the case's folder ({@code DataArea.caseFolder}), where the saved text is kept
     * @param pdf        renders a report (normally {@code PdfReportWriter::write})
     */
    public ReportEditing(ReportContent draft, Path caseFolder, ReportArchive archive, AuditTrail audit,
            Function<ReportContent, byte[]> pdf) {
        this.draft = Objects.requireNonNull(draft, "draft");
        this.caseId = draft.caseId();
        this.caseFolder = Objects.requireNonNull(caseFolder, "caseFolder");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
    }

    public String caseId() {
        return caseId;
    }

    public ReportContent draft() {
        return draft;
    }

    /** The text to edit: the last saved one, else the draft's. */
    public Texts texts() {
        return saved().orElse(new Texts(draft.interpretation(), draft.conclusion()));
    }

    /** The last saved text, if any was saved. */
    public Optional<Texts> saved() {
        Properties p = load();
        return p == null ? Optional.empty() : Optional.of(new Texts(p.getProperty("interpretation"), p.getProperty("conclusion")));
    }

    private Properties load() {
        Path f = caseFolder.resolve(TEXT_FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved report text " + f + ": " + e.getMessage(), e);
        }
        return p;
    }

    /**
     * Keeps the text with the case (replacing the file atomically) and writes {@code report.text.saved}
     * in {@code actor}'s name with the sizes and the SHA-256 of the text. Saving the unchanged text
     * writes nothing.
     *
     * @return whether anything was saved
     */
    public boolean save(Texts texts, String actor) {
        if (saved().map(texts::equals).orElse(false)) {
            return false;
        }
        write(texts, 0);
        audit.append(actor, TEXT_SAVED, caseId, "interpretation=" + texts.interpretation().length() + " chars conclusion="
                + texts.conclusion().length() + " chars sha256=" + sha256(texts.interpretation() + "\u0000" + texts.conclusion())
                + " after version " + versions().size());
        return true;
    }

    /**
     * Whether the saved text is a change of a signed report not yet signed as an amendment (it was
     * saved, or the editor closed, after Amend): the editor reopens amending, with that text.
     */
    public boolean unsignedChanges() {
        int signed = versions().size();
        if (signed == 0) {
            return false;
        }
        Properties p = load();
        return p != null && !Integer.toString(signed).equals(p.getProperty("signedAs"));
    }

    /** @param signedAs the version this text was signed as, 0 while it is not signed */
    private void write(Texts texts, int signedAs) {
        Properties p = new Properties();
        p.setProperty("interpretation", texts.interpretation());
        p.setProperty("conclusion", texts.conclusion());
        if (signedAs > 0) {
            p.setProperty("signedAs", Integer.toString(signedAs));
        }
        try {
            Files.createDirectories(caseFolder);
            Path part = caseFolder.resolve(TEXT_FILE + ".part");
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                p.store(w, "interpretation and conclusion of the report of case " + caseId);
            }
            Files.move(part, caseFolder.resolve(TEXT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the report text in " + caseFolder + ": " + e.getMessage(), e);
        }
    }

    /** The report with {@code texts}, as the PDF prints it (unsigned: "DRAFT"). */
    public ReportContent content(Texts texts) {
        return draft.withText(texts.interpretation(), texts.conclusion());
    }

    /** The PDF of the report with {@code texts}, unsigned (the preview). */
    public byte[] preview(Texts texts) {
        return pdf.apply(content(texts));
    }

    /** The stored PDF of a signed version (as signed, never re-rendered). */
    public byte[] signedPdf(int version) {
        return archive.pdf(caseId, version);
    }

    /** Signed versions, oldest first. */
    public List<SignedReport> versions() {
        return archive.versions(caseId);
    }

    /** Signed at least once: the editor is locked and a change is an amendment. */
    public boolean locked() {
        return !versions().isEmpty();
    }

    /** Whether {@code user} may sign at all (the archive checks again, with the password): an active neurophysiologist. */
    public static boolean maySign(User user) {
        return user != null && user.active() && user.has(Role.NEUROPHYSIOLOGIST);
    }

    /** Why {@code user} may not sign ("" when they may), for the refusal on screen. */
    public static String whyNot(User user) {
        if (user == null) {
            return "Nobody is logged in: only a neurophysiologist signs a report.";
        }
        if (!user.active()) {
            return user.username() + "'s account is disabled.";
        }
        return maySign(user) ? ""
                : "Only a neurophysiologist signs a report: " + user.signature() + " is " + roles(user)
                        + ". Ask the interpreting neurophysiologist to sign.";
    }

    private static String roles(User u) {
        return u.roles().isEmpty() ? "without a role" : "a " + u.roles().stream().map(Role::label).sorted()
                .reduce((a, b) -> a + " and " + b).orElse("").toLowerCase(Locale.ROOT);
    }

    /**
     * Saves {@code texts} in the signer's name, then signs (first signature: {@code reason} null) or
     * amends (a reason is needed) through the archive, which checks both components of the signature
     * and the role and has the PDF rendered with the signature printed in it.
     *
     * @throws IllegalArgumentException wrong user id or password (the archive audit-logs it)
     * @throws IllegalStateException    not a neurophysiologist, case not closed, amendment without reason
     */
    public SignedReport sign(Texts texts, String username, char[] password, String reason, Instant now) {
        boolean amendment = locked();
        if (amendment && (reason == null || reason.isBlank())) {
            throw new IllegalStateException("The report is signed: a change is an amendment and needs a reason.");
        }
        ReportContent content = content(texts);
        SignedReport signed = archive.sign(caseId, username, password, amendment ? reason.strip() : null,
                signing -> pdf.apply(content.signed(signing)), now);
        // the signature's own audit entry holds the PDF's hash; the file only remembers which version this text is
        write(texts, signed.version());
        return signed;
    }

    /** The signature as the screen shows it: printed name, date and time, meaning (21 CFR 11.50). */
    public static String describe(SignedReport r, ZoneId zone) {
        ReportSignature s = r.signature();
        return "Version " + r.version() + ": signed by " + s.printedName() + " on " + SIGNED_AT.format(s.signedAt().atZone(zone))
                + " — " + s.meaning() + (r.amendment() ? " — amendment: " + r.amendmentReason() : "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
