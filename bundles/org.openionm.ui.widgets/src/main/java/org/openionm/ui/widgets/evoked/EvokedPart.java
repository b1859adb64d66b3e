package org.openionm.ui.widgets.evoked;

import java.util.Map;

import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.core.processing.AlarmCondition.Priority;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.processing.ProcessorHost;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Base of a modality's evoked-potential part (contributed by its {@code .ui} bundle's model
 * fragment): listens to the {@link ProcessorHost} for its modality's results and shows them in an
 * {@link EvokedView}. A subclass names its {@link EvokedRules} and may add controls.
 */
public abstract class EvokedPart {

    @Inject
    @Optional
    @Service
    protected ProcessorHost host;

    /** Outlines the tiles in alarm; optional: without it the tiles are shown without outline. */
    @Inject
    @Optional
    @Service
    protected AlarmManager alarms;

    private EvokedFeed feed;
    private EvokedView view;
    private final java.util.concurrent.atomic.AtomicReference<Map<String, Priority>> shownAlarms =
            new java.util.concurrent.atomic.AtomicReference<>(Map.of());
    private final AlarmListener alarmListener = (snapshot, entries) -> showAlarms(snapshot);

    /** The modality's display rules. */
    protected abstract EvokedRules rules();

    /** What the header says before the first result, e.g. "Waiting for SSEP averages (300 sweeps)". */
    protected abstract String waitingText();

    /** Hook for modality controls placed right of the header. */
    protected void createControls(Composite toolbar) {
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        EvokedRules rules = rules();
        feed = new EvokedFeed(rules.modality());
        view = new EvokedView(parent, rules, feed);
        createControls(view.toolbar());
        if (host == null) {
            view.setWaitingText("The processor host is not installed: no results can be shown.");
            return;
        }
        view.setWaitingText(waitingText());
        view.setMarkerMover((site, channel, component, ms) -> host.moveMarker(rules.modality(), site, channel, component, ms));
        host.addListener(feed);
        if (alarms != null) {
            alarms.addListener(alarmListener);
            showAlarms(alarms.snapshot());
        }
    }

    /** Highest priority of this modality's listed alarms (active or latched), by tile key. @since 0.3.0 */
    public static Map<String, Priority> tilesInAlarm(AlarmSnapshot snapshot, EvokedRules rules) {
        Map<String, Priority> byTile = new java.util.HashMap<>();
        for (Alarm a : snapshot.alarms()) {
            if (a.key().modality().equals(rules.modality())) {
                byTile.merge(rules.tileOf(a.key().site(), a.key().channel()), a.priority(),
                        (x, y) -> x.compareTo(y) <= 0 ? x : y); // HIGH first in the enum
            }
        }
        return byTile;
    }

    /** On the alarm manager's caller thread: hands over to the UI only when the outlines change. */
    private void showAlarms(AlarmSnapshot snapshot) {
        Map<String, Priority> byTile = tilesInAlarm(snapshot, view.model().rules());
        if (byTile.equals(shownAlarms.getAndSet(byTile))) {
            return;
        }
        if (!view.isDisposed()) {
            view.getDisplay().asyncExec(() -> {
                if (!view.isDisposed()) {
                    view.setAlarms(shownAlarms.get());
                }
            });
        }
    }

    /** The view, for tests. */
    public EvokedView view() {
        return view;
    }

    /** The listener registered with the host, for tests that publish results directly. */
    public EvokedFeed feed() {
        return feed;
    }

    @PreDestroy
    public void dispose() {
        if (host != null && feed != null) {
            host.removeListener(feed);
        }
        if (alarms != null) {
            alarms.removeListener(alarmListener);
        }
    }
}
