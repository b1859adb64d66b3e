package org.openionm.cases;

import java.nio.file.Path;

import org.openionm.cases.internal.JdbcCaseDatabase;

/** The "command" of {@link SharedH2DatabaseTest}: another process creating cases in the same data area. */
public final class SharedDatabaseChild {

    private SharedDatabaseChild() {
    }

    public static void main(String[] args) {
        DataArea area = DataArea.embedded(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(area, new TestAuditWriter())) {
            for (int i = 0; i < count; i++) {
                System.out.println("created " + db.cases().create(CaseStoreContract.jane(), false, CaseStoreContract.TECH).id());
            }
        }
    }
}
