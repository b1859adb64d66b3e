package org.openionm.cli.internal;

import java.io.IOException;
import java.io.PrintStream;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * A headless command: arguments in, exit code out. A wrong command line exits 2 with the usage, a
 * failure exits 1 with one clear line; nothing ends with a stack trace for the user to decode.
 */
abstract class Command implements IApplication {

    protected final PrintStream err = System.err;

    /** e.g. "simulate": prefixes every message. */
    abstract String name();

    abstract String usage();

    abstract int run(String[] args) throws Exception;

    @Override
    public final Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        try {
            return run(args == null ? new String[0] : args);
        } catch (UsageException e) {
            err.println(name() + ": " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println(name() + ": error: " + e.getMessage());
            return 1;
        }
    }

    @Override
    public void stop() {
        // commands run to completion; the launcher ends the JVM afterwards
    }
}
