package org.openionm.cases;

/**
 * What a local account may do. Technologists run cases and enter events; neurophysiologists also
 * interpret and (in the report issue) sign; administrators manage accounts and site settings.
 */
public enum Role {
    TECHNOLOGIST, NEUROPHYSIOLOGIST, ADMINISTRATOR;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
