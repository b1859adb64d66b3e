package org.openionm.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Signed reports of cases (21 CFR Part 11 in spirit, docs/report.md): only an active user with the
 * neurophysiologist role signs; every signing asks for both components of the signature, user id and
 * password, whatever session is open; the signed PDF is stored and never changed, its SHA-256 goes to
 * the audit trail; a change after signing is an amendment, a new version with a reason.
 *
 * @since 0.2.0
 */
public interface ReportArchive {

    /** What the report being signed is told to print: its signature, version and the versions before it. */
    record Signing(ReportSignature signature, int version, String amendmentReason, List<SignedReport> previous) {
        public Signing {
            previous = List.copyOf(previous);
            amendmentReason = amendmentReason == null ? "" : amendmentReason;
        }
    }

    /**
     * Signs a case's report. Checks the user id and password (a wrong one is audit-logged and refused
     * with {@code IllegalArgumentException}), the role (anyone but an active neurophysiologist is
     * refused with {@code IllegalStateException}), and the case: the first signature needs a closed case
     * and no reason and moves the case to signed; a later one is an amendment and needs a reason. Then
     * {@code render} makes the PDF with the signature printed in it, and the PDF, its hash and the
     * audit entry ({@code report.signed} or {@code report.amended}, detail with version and
     * {@code sha256=}) are stored in one transaction.
     *
     * @param amendmentReason null or empty for the first signature; why the report changes for an amendment
     */
    SignedReport sign(String caseId, String username, char[] password, String amendmentReason,
            Function<Signing, byte[]> render, Instant now);

    /** The signed versions of a case's report, oldest first (empty when never signed). */
    List<SignedReport> versions(String caseId);

    /** The stored PDF of one version. */
    byte[] pdf(String caseId, int version);

    /**
     * Checks every signed report (of one case, or all when {@code caseId} is null): its bytes against
     * its stored hash and against the hash its audit entry recorded. Empty when intact; otherwise one
     * line per problem naming case and version.
     */
    List<String> verify(String caseId);
}
