package org.openionm.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The manifestation of an electronic signature on a report, as 21 CFR 11.50 asks: the signer's
 * printed name (with credentials), the date and time of signing and its meaning. Only the
 * {@link ReportArchive} makes one, after checking the signer's user id and password.
 *
 * @param username    the signer's account
 * @param printedName "Dr. Ann Lee, MD, DABNM" ({@link User#signature()})
 * @param signedAt    when the signature was executed
 * @param meaning     what the signature means ({@link #INTERPRETED_AND_APPROVED})
 * @since 0.2.0
 */
public record ReportSignature(String username, String printedName, Instant signedAt, String meaning) {

    /** The meaning of a neurophysiologist's signature on an IONM report. */
    public static final String INTERPRETED_AND_APPROVED = "interpreted and approved";

    public ReportSignature {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(printedName, "printedName");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(meaning, "meaning");
    }
}
