package org.openionm.cases.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.DataArea;

/** The audit trail on the embedded H2 database. */
class H2AuditTrailTest extends AuditTrailContract {

    @TempDir
    Path dir;

    @Override
    protected DataArea area() {
        return DataArea.embedded(dir);
    }
}
