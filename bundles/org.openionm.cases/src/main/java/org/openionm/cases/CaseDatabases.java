package org.openionm.cases;

/** Opens case databases: the one way in for the workbench, the commands and the tests. */
public final class CaseDatabases {

    private CaseDatabases() {
    }

    /**
     * Opens (creating if needed) and migrates the database of a data area; the message of a failure
     * names the database and what went wrong (server unreachable, wrong password, newer schema).
     */
    public static CaseDatabase open(DataArea area) {
        return org.openionm.cases.internal.JdbcCaseDatabase.open(area);
    }
}
