package org.openionm.ui.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.core.model.ChannelRole;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.internal.InputWarnings;
import org.openionm.processing.internal.InputWatch;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Status bar: what makes the recording being played unusable (issue 17) — no stimulus recognised
 * (with how many annotations no rule matched and the commonest text), no channel with a role a
 * processor accepts, a processor that produced nothing by the end — the same words as `analyze`
 * ({@link InputWatch}). Empty while there is nothing to say; the whole list in the tooltip.
 */
public class InputWarningsControl extends PolledStatusLabel {

    /** Characters of the first warning shown in the bar; the tooltip has them all. */
    static final int SHOWN_CHARS = 110;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    private final InputWatch watch = new InputWatch();
    private ConsumerRegistration registration;
    private Map<String, Set<ChannelRole>> accepted = Map.of();

    @PostConstruct
    public void create(Composite parent) {
        if (engine != null && host != null) {
            registration = engine.addConsumer("input warnings", watch, 1000);
            host.addListener(watch);
        }
        createLabel(parent, "InputWarnings", 1);
    }

    @PreDestroy
    public void dispose() {
        if (registration != null) {
            registration.close();
        }
        if (host != null) {
            host.removeListener(watch);
        }
    }

    @Override
    protected String text() {
        if (accepted.isEmpty() || watch.secondsSeen() < 1) { // the installed processors, read again per acquisition
            accepted = acceptedRoles();
        }
        List<String> warnings = watch.warnings(accepted);
        if (label() != null) {
            String tip = String.join("\n", warnings);
            if (!tip.equals(String.valueOf(label().getToolTipText()))) {
                label().setToolTipText(warnings.isEmpty() ? null : tip);
            }
        }
        if (warnings.isEmpty()) {
            return "";
        }
        String first = warnings.get(0);
        String shown = first.length() > SHOWN_CHARS ? first.substring(0, SHOWN_CHARS - 1) + "…" : first;
        return "⚠ Input: " + shown + (warnings.size() > 1 ? " (+" + (warnings.size() - 1) + " more)" : "");
    }

    /** Each installed modality processor's accepted channel roles, by id. */
    static Map<String, Set<ChannelRole>> acceptedRoles() {
        var bundle = FrameworkUtil.getBundle(InputWarningsControl.class);
        return InputWarnings.acceptedRoles(bundle == null ? null : bundle.getBundleContext());
    }
}
