package org.openionm.core.events;

/**
 * OSGi EventAdmin / E4 event-broker topics shared across bundles. Payloads are documented per
 * topic; all are posted off the UI thread and coalesced by their publishers.
 */
public final class OpenIonmTopics {

    private static final String BASE = "org/openionm/";

    /** Any acquisition-state change; payload: the engine's status object. */
    public static final String ACQUISITION_STATE = BASE + "acquisition/state";

    /** A consumer could not keep up and missed data; payload: description text. */
    public static final String ACQUISITION_OVERFLOW = BASE + "acquisition/overflow";

    /** Count of active (unacknowledged or still present) alarms changed; payload: Integer. */
    public static final String ALARM_ACTIVE_COUNT = BASE + "alarm/activeCount";

    /** Prefix for subscriptions to every OpenIONM topic. */
    public static final String ALL = BASE + "*";

    private OpenIonmTopics() {
    }
}
