package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.StimulatorLimits;
import org.openionm.core.driver.StimulatorDescriptor;
import org.openionm.core.processing.ScreenNames;
import org.openionm.core.processing.Units;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;

/**
 * One intensity field per site of the running program (issue 16): a spinner bounded by the
 * amplifier's declared stimulator output of the site's unit, applied to the engine when the arrows
 * are used or Enter is pressed; a refusal is said through {@code failed}. Ramps keep their program's
 * intensities and get no field; sites without an output of their unit show their intensity, read-only.
 */
final class IntensityEditor {

    /** Spinner digits: 0.1 mA and 0.1 V steps are finer than any stimulator's. */
    static final int DIGITS = 1;
    private static final int SCALE = 10;

    private final Composite control;
    private final Consumer<String> failed;
    private List<String> shownFor = List.of();
    private final List<Spinner> spinners = new ArrayList<>();

    IntensityEditor(Composite parent, Consumer<String> failed) {
        this.control = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        control.setLayout(layout);
        this.failed = failed;
    }

    Composite control() {
        return control;
    }

    /** The spinners shown, in site order (for tests). */
    List<Spinner> spinners() {
        return List.copyOf(spinners);
    }

    /**
     * Shows the running program's sites (nothing when idle); rebuilt only when the sites or the
     * stimulators change, so a field being edited keeps its text.
     */
    void show(AcquisitionEngine engine, List<PeriodicStimulation> sites, List<StimulatorDescriptor> stimulators) {
        List<String> key = new ArrayList<>();
        sites.forEach(s -> key.add(s.siteId() + "|" + s.unit() + "|" + s.kind()));
        stimulators.forEach(s -> key.add(s.unit() + "≤" + s.maxIntensity()));
        if (key.equals(shownFor)) {
            // the same program: follow values changed elsewhere unless the user is typing in the field
            for (int i = 0; i < spinners.size(); i++) {
                Spinner s = spinners.get(i);
                PeriodicStimulation site = (PeriodicStimulation) s.getData();
                PeriodicStimulation now = sites.stream().filter(p -> p.siteId().equals(site.siteId())).findFirst().orElse(site);
                if (!s.isFocusControl() && s.getSelection() != toSpinner(now.intensity())) {
                    s.setSelection(toSpinner(now.intensity()));
                }
            }
            return;
        }
        shownFor = key;
        for (var c : control.getChildren()) {
            c.dispose();
        }
        spinners.clear();
        for (PeriodicStimulation site : sites) {
            var output = StimulatorLimits.outputFor(site.unit(), stimulators);
            if (site.kind() == StimulationKind.RAMP || output.isEmpty()) {
                continue; // described in the text above, not editable
            }
            String unit = Units.display(site.unit());
            new Label(control, SWT.NONE).setText(ScreenNames.site(site.siteId()));
            Spinner spinner = new Spinner(control, SWT.BORDER);
            spinner.setData(site);
            spinner.setDigits(DIGITS);
            spinner.setValues(toSpinner(site.intensity()), 0, toSpinner(output.get().maxIntensity()), DIGITS,
                    site.unit().equals("V") ? 10 * SCALE : SCALE, 10 * SCALE);
            spinner.setToolTipText(ScreenNames.site(site.siteId()) + ": intensity in " + unit + ", 0–" + StimulationText.number(
                    output.get().maxIntensity(), 1) + " " + unit + " (" + output.get().label() + "); arrows or Enter apply it");
            spinner.setLayoutData(new GridData(90, SWT.DEFAULT));
            new Label(control, SWT.NONE).setText(unit + "  (max " + StimulationText.number(output.get().maxIntensity(), 1) + ")");
            spinner.addListener(SWT.Selection, e -> apply(engine, spinner));
            spinner.addListener(SWT.DefaultSelection, e -> apply(engine, spinner));
            spinners.add(spinner);
        }
        control.getParent().layout(true, true);
    }

    private void apply(AcquisitionEngine engine, Spinner spinner) {
        PeriodicStimulation site = (PeriodicStimulation) spinner.getData();
        double value = spinner.getSelection() / (double) SCALE;
        try {
            engine.setIntensity(site.siteId(), value);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            failed.accept("Cannot set the intensity of " + ScreenNames.site(site.siteId()) + ": " + e.getMessage());
        }
    }

    static int toSpinner(double intensity) {
        return (int) Math.round(intensity * SCALE);
    }
}
