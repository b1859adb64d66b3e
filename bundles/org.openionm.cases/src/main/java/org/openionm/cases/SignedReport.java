package org.openionm.cases;

import java.util.Objects;

/**
 * One signed version of a case's report, as stored (locked: never changed after signing). Version 1
 * is the original; every later version is an amendment with its reason, and the earlier versions
 * stay in the archive.
 *
 * @param amendmentReason why the signed report was changed; empty for version 1
 * @param sha256          lower-case hex SHA-256 of the PDF bytes, also written to the audit trail
 * @param bytes           size of the PDF
 * @since 0.2.0
 */
public record SignedReport(String caseId, int version, ReportSignature signature, String amendmentReason, String sha256,
        long bytes) {

    public SignedReport {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(sha256, "sha256");
        amendmentReason = amendmentReason == null ? "" : amendmentReason;
    }

    public boolean amendment() {
        return version > 1;
    }
}
