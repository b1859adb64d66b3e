package org.openionm.cases.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

/**
 * Liquibase's log for a migration at every open: its progress lines (INFO and below) go to
 * {@code java.util.logging} at FINE, so a start-up or a command prints nothing; warnings and errors
 * keep their level.
 */
final class LiquibaseLog extends AbstractLogService {

    @Override
    public int getPriority() {
        return 10; // Plugin.PRIORITY_SPECIALIZED; unused: the service is set in the migration's scope, not looked up
    }

    @Override
    public liquibase.logging.Logger getLog(@SuppressWarnings("rawtypes") Class clazz) {
        return new FineLogger(Logger.getLogger(clazz == null ? "liquibase" : clazz.getName()));
    }

    private static final class FineLogger extends AbstractLogger {
        private final Logger log;

        FineLogger(Logger log) {
            this.log = log;
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            // Liquibase logs some notices at OFF ("User has disabled analytics"): not a problem either
            boolean problem = level.intValue() >= Level.WARNING.intValue() && level != Level.OFF;
            Level to = problem ? level : Level.FINE;
            if (log.isLoggable(to)) {
                log.log(to, message, e);
            }
        }
    }
}
