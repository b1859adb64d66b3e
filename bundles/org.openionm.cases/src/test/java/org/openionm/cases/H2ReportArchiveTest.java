package org.openionm.cases;

import java.nio.file.Path;

/** Sign-off on the embedded H2 database. */
class H2ReportArchiveTest extends ReportArchiveContract {

    @Override
    DataArea newArea(Path root) {
        return DataArea.embedded(root);
    }
}
