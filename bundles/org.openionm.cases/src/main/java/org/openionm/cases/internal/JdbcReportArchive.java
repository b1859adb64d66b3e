package org.openionm.cases.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditTrail;
import org.openionm.cases.CaseState;
import org.openionm.cases.ReportArchive;
import org.openionm.cases.ReportSignature;
import org.openionm.cases.Role;
import org.openionm.cases.SignedReport;
import org.openionm.cases.User;
import org.openionm.cases.UserDirectory;

/**
 * Signed reports in {@code ionm_report_version}. The code only inserts rows; the audit entry of each
 * signature carries the SHA-256 of the PDF, so a PDF changed in the database afterwards (and its
 * hash column with it) no longer matches the hash-chained trail.
 */
public final class JdbcReportArchive implements ReportArchive {

    /** The audit detail's hash, e.g. {@code "version=2 sha256=ab12…"}. */
    private static final Pattern DETAIL = Pattern.compile("version=(\\d+) sha256=([0-9a-f]{64})");

    private final DataSource ds;
    private final UserDirectory users;
    private final AuditWriter writer;
    private final AuditTrail audit;

    public JdbcReportArchive(DataSource ds, UserDirectory users, AuditWriter writer, AuditTrail audit) {
        this.ds = ds;
        this.users = users;
        this.writer = writer;
        this.audit = audit;
    }

    @Override
    public SignedReport sign(String caseId, String username, char[] password, String amendmentReason,
            Function<Signing, byte[]> render, Instant now) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(render, "render");
        String reason = amendmentReason == null ? "" : amendmentReason.trim();
        // both components of the signature, every time (21 CFR 11.200(a)(1)): never taken from a session
        User signer = signer(caseId, username, password);
        List<SignedReport> previous = versions(caseId);
        CaseState state = state(caseId);
        if (previous.isEmpty()) {
            if (state != CaseState.CLOSED) {
                throw refused(signer.username(), caseId, "case " + caseId + " is " + state.label()
                        + ": close it before the report is signed");
            }
            if (!reason.isEmpty()) {
                throw refused(signer.username(), caseId, "case " + caseId + " has no signed report to amend");
            }
        } else if (reason.isEmpty()) {
            throw refused(signer.username(), caseId, "the report of case " + caseId + " is signed (version "
                    + previous.getLast().version() + "): a change is an amendment and needs a reason");
        }
        int version = previous.size() + 1;
        ReportSignature signature = new ReportSignature(signer.username(), signer.signature(), Transactions.micros(now),
                ReportSignature.INTERPRETED_AND_APPROVED);
        byte[] pdf = render.apply(new Signing(signature, version, reason, previous));
        String sha = sha256(pdf);
        return Transactions.run(ds, c -> {
            if (count(c, caseId) != previous.size()) {
                throw new IllegalStateException("the report of case " + caseId + " was signed meanwhile; sign again");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ionm_report_version (case_id, version, signer_username, "
                    + "signer_name, signed_at, meaning, amendment_reason, sha256, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, caseId);
                ps.setInt(2, version);
                ps.setString(3, signature.username());
                ps.setString(4, signature.printedName());
                Transactions.setInstant(ps, 5, signature.signedAt());
                ps.setString(6, signature.meaning());
                ps.setString(7, reason.isEmpty() ? null : reason);
                ps.setString(8, sha);
                ps.setBytes(9, pdf);
                ps.executeUpdate();
            }
            if (version == 1) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update ionm_case set case_state = ? where id = ? and case_state = ?")) {
                    ps.setString(1, CaseState.SIGNED.name());
                    ps.setString(2, caseId);
                    ps.setString(3, CaseState.CLOSED.name());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("case " + caseId + " changed state meanwhile; sign again");
                    }
                }
                writer.append(c, signer.username(), AuditActions.CASE_STATE, caseId,
                        CaseState.CLOSED.label() + " → " + CaseState.SIGNED.label());
            }
            String detail = "version=" + version + " sha256=" + sha + " bytes=" + pdf.length + " signer=" + signature.printedName()
                    + " meaning=" + signature.meaning() + (reason.isEmpty() ? "" : " reason=" + reason);
            writer.append(c, signer.username(), version == 1 ? AuditActions.REPORT_SIGNED : AuditActions.REPORT_AMENDED, caseId,
                    detail);
            return new SignedReport(caseId, version, signature, reason, sha, pdf.length);
        });
    }

    private User signer(String caseId, String username, char[] password) {
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("signing needs the signer's user name and password");
        }
        Optional<User> user = users.find(username.trim().toLowerCase(java.util.Locale.ROOT));
        if (user.isEmpty()) {
            audit.append(username.length() > 64 ? username.substring(0, 64) : username, AuditActions.REPORT_SIGN_REFUSED,
                    caseId, "unknown user");
            throw new IllegalArgumentException("wrong user name or password");
        }
        // verifyPassword audit-logs a wrong password itself
        if (!users.verifyPassword(user.get(), password)) {
            audit.append(user.get().username(), AuditActions.REPORT_SIGN_REFUSED, caseId, "wrong password");
            throw new IllegalArgumentException("wrong user name or password");
        }
        User u = user.get();
        if (u.demo() || !u.has(Role.NEUROPHYSIOLOGIST)) {
            throw refused(u.username(), caseId, "only a neurophysiologist signs reports: " + u.username() + " is "
                    + u.roles().stream().map(Role::label).sorted().toList());
        }
        return u;
    }

    private IllegalStateException refused(String actor, String caseId, String why) {
        audit.append(actor, AuditActions.REPORT_SIGN_REFUSED, caseId, why);
        return new IllegalStateException(why);
    }

    private CaseState state(String caseId) {
        return Transactions.run(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select case_state from ionm_case where id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no case '" + caseId + "'");
                    }
                    return CaseState.valueOf(rs.getString(1));
                }
            }
        });
    }

    private static int count(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from ionm_report_version where case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<SignedReport> versions(String caseId) {
        return Transactions.run(ds, c -> {
            List<SignedReport> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select case_id, version, signer_username, signer_name, signed_at, meaning, "
                    + "amendment_reason, sha256, pdf from ionm_report_version where case_id = ? order by version")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private static SignedReport row(ResultSet rs) throws SQLException {
        ReportSignature s = new ReportSignature(rs.getString("signer_username"), rs.getString("signer_name"),
                Transactions.getInstant(rs, "signed_at"), rs.getString("meaning"));
        return new SignedReport(rs.getString("case_id"), rs.getInt("version"), s, rs.getString("amendment_reason"),
                rs.getString("sha256"), rs.getBytes("pdf").length);
    }

    @Override
    public byte[] pdf(String caseId, int version) {
        return Transactions.run(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select pdf from ionm_report_version where case_id = ? and version = ?")) {
                ps.setString(1, caseId);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("case " + caseId + " has no signed report version " + version);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    @Override
    public List<String> verify(String caseId) {
        List<String> problems = new ArrayList<>();
        record Stored(String caseId, int version, String sha, byte[] pdf) {
        }
        List<Stored> rows = Transactions.run(ds, c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select case_id, version, sha256, pdf from ionm_report_version"
                    + (caseId == null ? "" : " where case_id = ?") + " order by case_id, version")) {
                if (caseId != null) {
                    ps.setString(1, caseId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)));
                    }
                }
            }
            return out;
        });
        for (Stored s : rows) {
            String actual = sha256(s.pdf());
            String name = "signed report of case " + s.caseId() + " version " + s.version();
            Optional<String> audited = auditedHash(s.caseId(), s.version());
            if (audited.isEmpty()) {
                problems.add(name + ": no signature entry in the audit trail");
            } else if (!audited.get().equals(actual)) {
                problems.add(name + ": its PDF (SHA-256 " + actual + ") is not the one signed (audit trail: " + audited.get() + ")");
            } else if (!actual.equals(s.sha())) {
                problems.add(name + ": its hash column " + s.sha() + " was changed (PDF and audit trail: " + actual + ")");
            }
        }
        return problems;
    }

    private Optional<String> auditedHash(String caseId, int version) {
        for (AuditEntry e : audit.entries(caseId)) {
            if (e.action().equals(AuditActions.REPORT_SIGNED) || e.action().equals(AuditActions.REPORT_AMENDED)) {
                Matcher m = DETAIL.matcher(e.detail() == null ? "" : e.detail());
                if (m.lookingAt() && Integer.parseInt(m.group(1)) == version) {
                    return Optional.of(m.group(2));
                }
            }
        }
        return Optional.empty();
    }

    /** Lower-case hex SHA-256, as the audit trail writes hashes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

}
