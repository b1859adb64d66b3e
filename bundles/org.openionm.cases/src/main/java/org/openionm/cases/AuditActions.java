package org.openionm.cases;

/**
 * The audit-trail actions OpenIONM writes. Strings rather than an enum so later modules (reports,
 * reading room) add theirs without changing this bundle; these names are stable, never renamed.
 */
public final class AuditActions {
    public static final String CASE_CREATED = "case.created";
    public static final String CASE_EDITED = "case.edited";
    public static final String CASE_STATE = "case.state";
    public static final String SETTINGS_CHANGED = "settings.changed";
    public static final String ALARM_CRITERIA_CHANGED = "alarm.criteria.changed";
    public static final String BASELINE_CAPTURED = "baseline.captured";
    public static final String ALARM_ACKNOWLEDGED = "alarm.acknowledged";
    public static final String EVENT_ENTERED = "event.entered";
    public static final String RECORDING_STARTED = "recording.started";
    public static final String RECORDING_STOPPED = "recording.stopped";
    public static final String RECORDING_FAILED = "recording.failed";
    public static final String RECORDING_RECOVERED = "recording.recovered";
    public static final String EXPORTED = "exported";
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String LOGOUT = "logout";
    public static final String LOCKED = "session.locked";
    public static final String UNLOCKED = "session.unlocked";
    public static final String USER_CREATED = "user.created";
    public static final String PASSWORD_CHANGED = "user.password.changed";
    /** @since 0.2.0 */
    public static final String USER_DISABLED = "user.disabled";
    /** @since 0.2.0 */
    public static final String USER_ENABLED = "user.enabled";

    /** @since 0.2.0 */
    public static final String REPORT_SIGNED = "report.signed";
    /** @since 0.2.0 */
    public static final String REPORT_AMENDED = "report.amended";
    /** A signature attempt refused (wrong password, wrong role, wrong case state). @since 0.2.0 */
    public static final String REPORT_SIGN_REFUSED = "report.sign.refused";

    private AuditActions() {
    }
}
