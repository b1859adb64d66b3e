package org.openionm.testkit;

import java.io.PrintStream;

/**
 * The child {@link KilledChildTest} kills: reports 100 more samples every 10 ms ("S 0", "S 100", …)
 * until killed; with the argument "fail" it writes a reason to standard error and exits at once.
 */
public final class CountingChild {

    private CountingChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("no amplifier here");
            System.exit(3);
        }
        PrintStream out = new PrintStream(System.out, false, "US-ASCII");
        for (long n = 0;; n += 100) {
            out.println("S " + n);
            out.flush();
            Thread.sleep(10);
        }
    }
}
