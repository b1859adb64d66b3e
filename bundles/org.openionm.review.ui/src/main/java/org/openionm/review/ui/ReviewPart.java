package org.openionm.review.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.cases.CaseWorkbench;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.processing.ProcessorHost;
import org.openionm.review.Reanalysis;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Review part (this bundle's fragment puts it into the shell's Review perspective). It gives the
 * view the case side and a {@link Reanalysis} over the installed modality processors: each run makes
 * new instances of their classes, so review never touches the processors monitoring live.
 */
public class ReviewPart {

    public static final String ID = "org.openionm.review.ui.part";

    @Inject
    @Optional
    @Service
    CaseWorkbench cases;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    private ReviewView view;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        Map<String, Map<String, Object>> live = new TreeMap<>();
        Map<String, List<String>> keys = new TreeMap<>();
        if (host != null) {
            for (String id : host.processorIds()) {
                live.put(id, host.overrides(id));
                keys.put(id, host.settings(id).stream().map(SettingDescriptor::key).toList());
            }
        }
        view = new ReviewView(parent, new ReviewView.Services(cases, reanalysis(), live, keys));
    }

    /** The part's content (null before it is created). */
    public ReviewView view() {
        return view;
    }

    /** Null when the EDF playback amplifier is not installed (then Analyse says which feature to add). */
    private Reanalysis reanalysis() {
        if (engine == null || engine.driver("edf").isEmpty()) {
            return null;
        }
        return new Reanalysis(engine.driver("edf").get(), processorFactories());
    }

    private List<Supplier<? extends ModalityProcessor>> processorFactories() {
        List<Supplier<? extends ModalityProcessor>> factories = new ArrayList<>();
        BundleContext context = FrameworkUtil.getBundle(ReviewPart.class).getBundleContext();
        try {
            var refs = context.getServiceReferences(ModalityProcessor.class, null);
            for (ServiceReference<ModalityProcessor> ref : refs) {
                ModalityProcessor service = context.getService(ref);
                if (service == null) {
                    continue;
                }
                Class<? extends ModalityProcessor> type = service.getClass();
                context.ungetService(ref);
                // the plugins' processors are plain classes with a public no-argument constructor (DS creates them so too)
                factories.add(() -> {
                    try {
                        return type.getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot make a new " + type.getName() + " for re-analysis: " + e, e);
                    }
                });
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return factories;
    }
}
