package org.openionm.ui.alarms;

import java.util.Optional;

import org.openionm.ui.internal.CaseLookup;

/**
 * Who an action of this workbench is attributed to: the clinician logged in to the case side
 * (UserSession), or — only when nobody is logged in, or the case side is not installed — the
 * operating-system login, and then the log and the dialog say so.
 *
 * @param user    the name the alarm log records
 * @param osLogin true when {@code user} is the OS login because nobody is logged in
 */
public record Actor(String user, boolean osLogin) {

    /** The actor now. */
    public static Actor current() {
        return of(CaseLookup.loggedInUser(), System.getProperty("user.name", "user"));
    }

    static Actor of(Optional<String> loggedIn, String osUser) {
        return loggedIn.filter(u -> !u.isBlank()).map(u -> new Actor(u, false))
                .orElseGet(() -> new Actor(osUser + " (OS login: nobody logged in)", true));
    }

    /** How a dialog names the actor. */
    public String describe() {
        return osLogin ? user.replace(" (OS login: nobody logged in)", "")
                + " — the operating-system login, because nobody is logged in to OpenIONM" : user;
    }
}
