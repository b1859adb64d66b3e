package org.openionm.ui.widgets.evoked;

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

    private EvokedFeed feed;
    private EvokedView view;

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
    }
}
