package org.openionm.cli.internal;

import org.openionm.cases.AuditVerification;

/**
 * {@code openionm audit verify [<case>]}: checks the audit trail's hash chain and names the first
 * altered, inserted or deleted entry, then every signed report's PDF against the hash its signature entry recorded. Exit 0 when intact, 1 when broken.
 */
public class AuditApplication extends Command {

    static final String USAGE = "usage: openionm audit verify [<case-id>]   (--data <dir> or OPENIONM_DATA chooses the data area)";

    @Override
    String name() {
        return "audit";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("verify")) {
            throw new UsageException(args.length == 0 ? "missing sub-command: verify" : "unknown sub-command '" + args[0] + "': verify");
        }
        if (args.length > 2 || args.length == 2 && args[1].startsWith("--")) {
            throw new UsageException("give at most one case id");
        }
        String caseId = args.length == 2 ? args[1] : null;
        try (var db = CaseAccess.openReadOnly()) {
            if (caseId != null && db.cases().find(caseId).isEmpty()) {
                throw new IllegalArgumentException("no case '" + caseId + "'");
            }
            AuditVerification v = db.audit().verify(caseId);
            String scope = caseId == null ? "" : " (case " + caseId + ")";
            if (v.intact()) {
                // a signed report's PDF against the hash its signature entry recorded in the (intact) chain
                java.util.List<String> reports = db.reports().verify(caseId);
                if (!reports.isEmpty()) {
                    reports.forEach(p -> System.out.println("signed report BROKEN: " + p));
                    return 1;
                }
                System.out.println("audit trail intact: " + v.entriesChecked() + " entries checked" + scope);
                return 0;
            }
            AuditVerification.Problem p = v.firstProblem().orElseThrow();
            System.out.println("audit trail BROKEN at entry " + p.seq() + ": " + p.kind() + " — " + p.message() + scope);
            return 1;
        }
    }
}
