package org.openionm.modality.emg.triggered.ui;

import org.openionm.processing.ProcessorHost;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Holds the workbench's {@link TemgModel} and feeds it from the processor host from the moment the
 * host exists: E4 creates the t-EMG tab only when it is first shown, and a screw tested before that
 * must still be in the site table. Immediate, so it listens whether or not a tab asked for it yet.
 */
@Component(service = TemgFeed.class, immediate = true)
public final class TemgFeed {

    private final TemgModel model = new TemgModel();
    private final ProcessorHost host;

    @Activate
    public TemgFeed(@Reference ProcessorHost host) {
        this.host = host;
        host.addListener(model);
    }

    @Deactivate
    void stop() {
        host.removeListener(model);
    }

    /** The model every t-EMG tab shows. */
    public TemgModel model() {
        return model;
    }
}
