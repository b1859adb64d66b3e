package org.openionm.cases;

import java.nio.file.Path;

/** The case store on the embedded H2 database. */
class H2CaseStoreTest extends CaseStoreContract {

    @Override
    DataArea newArea(Path root) {
        return DataArea.embedded(root);
    }
}
