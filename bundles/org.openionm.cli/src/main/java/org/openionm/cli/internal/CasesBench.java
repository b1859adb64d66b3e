package org.openionm.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDatabases;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.User;
import org.openionm.cases.AuditVerification;

/**
 * {@code bench cases}: the case store on the embedded database in a fresh data area — opening it
 * (creating and migrating the schema, then again when it exists), the latency of one event-log entry
 * (stored with its audit entry, as the event entry part does it), and verifying the audit trail.
 */
final class CasesBench {

    private final BenchReport r;

    CasesBench(BenchReport r) {
        this.r = r;
    }

    boolean run(Path dir, int events) throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(dir), "cases-bench");
        DataArea area = DataArea.embedded(data);
        r.printf("## cases: embedded H2 in %s, %d event-log entries%n%n", data, events);
        r.json.key("cases").begin('{');
        long t0 = System.nanoTime();
        try (CaseDatabase db = CaseDatabases.open(area)) {
            double firstOpen = (System.nanoTime() - t0) / 1e9;
            r.printf("- open a new case database (create + migrate the schema): %.2f s%n", firstOpen);
            r.json.field("firstOpenSeconds", firstOpen);
            User user = db.users().demoTechnologist();
            MonitoringCase c = db.cases().create(new CaseDetails(new Patient("Bench^Case", "BENCH001", null, Sex.UNKNOWN),
                    new Procedure("posterior spinal fusion", "", "T10-L2", Side.MIDLINE), null, List.of(), null), true, user);
            double[] ms = new double[events];
            for (int i = 0; i < events; i++) {
                CaseEvent e = new CaseEvent(0, c.id(), EventType.SCREW_PLACEMENT, Map.of("level", "L" + (1 + i % 5), "side", "left"),
                        "bench entry " + i, i, Instant.now(), user.username());
                long s = System.nanoTime();
                db.events().append(e);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            double p50 = ms[events / 2], p99 = ms[Math.min(events - 1, (int) Math.ceil(events * 0.99) - 1)], max = ms[events - 1];
            r.printf("- event-log entry stored with its audit entry: median %.2f ms, p99 %.2f ms, max %.2f ms (%d entries)%n",
                    p50, p99, max, events);
            r.json.field("eventInsertMedianMs", p50).field("eventInsertP99Ms", p99).field("eventInsertMaxMs", max);
            long v = System.nanoTime();
            AuditVerification verification = db.audit().verify(null);
            double verifyMs = (System.nanoTime() - v) / 1e6;
            r.printf("- audit verify: %d entries in %.0f ms (%s)%n", verification.entriesChecked(), verifyMs,
                    verification.intact() ? "intact" : "BROKEN");
            r.json.field("auditEntries", verification.entriesChecked()).field("auditVerifyMs", verifyMs);
            if (!verification.intact() || db.events().events(c.id()).size() != events) {
                r.json.end('}');
                return false;
            }
        }
        long t1 = System.nanoTime();
        try (CaseDatabase db = CaseDatabases.open(area)) {
            double again = (System.nanoTime() - t1) / 1e9;
            r.printf("- open it again (schema up to date): %.2f s%n%n", again);
            r.json.field("reopenSeconds", again);
        }
        r.json.end('}');
        return true;
    }
}
