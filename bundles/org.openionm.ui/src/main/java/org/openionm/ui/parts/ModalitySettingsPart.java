package org.openionm.ui.parts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.processing.ProcessorHost;
import org.openionm.ui.internal.AcquisitionActions;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Setup: every installed modality's settings — alarm preset and thresholds first — with value, unit,
 * range, default and the source of the default; values are edited in place and go through
 * {@link ProcessorHost#configure}, which validates them. Knows no modality: the list follows the
 * processors the host has, so a modality feature that is removed disappears here too.
 */
public class ModalitySettingsPart {

    public static final String ID = "org.openionm.ui.part.modalitysettings";
    static final int REFRESH_MS = 1000;

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    private Table processors;
    private Label heading;
    private Label note;
    private SettingsTable settings;
    private Button reset;
    private Label done;
    private Label error;
    private List<String> shownIds = List.of();
    private String shownId = "";
    /** The processor and values the table shows, so a poll repaints only when they change. */
    private String valuesOf = "";
    private Map<String, Object> shownValues = Map.of();

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        SetupLabels.heading(parent, "Modalities");
        processors = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        processors.setHeaderVisible(true);
        for (String title : new String[] { "Modality", "Id", "Settings" }) {
            TableColumn column = new TableColumn(processors, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Modality") ? 320 : title.equals("Id") ? 100 : 220);
        }
        GridData listData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        listData.heightHint = processors.getHeaderHeight() + 3 * processors.getItemHeight(); // room for three modalities
        processors.setLayoutData(listData);

        heading = SetupLabels.heading(parent, "Settings");
        note = SetupLabels.wide(parent);
        settings = new SettingsTable(parent, this::apply);
        settings.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        reset = new Button(parent, SWT.PUSH);
        reset.setText("Reset to defaults");
        reset.setToolTipText("Give every setting of this modality its default value again");
        done = new Label(parent, SWT.WRAP);
        done.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        error = SetupLabels.wide(parent);
        error.setData("org.eclipse.e4.ui.css.CssClassName", "ErrorText");

        processors.addListener(SWT.Selection, e -> select(processors.getSelectionIndex()));
        reset.addListener(SWT.Selection, e -> resetToDefaults());
        refresh();
        FirstLayout.atPreferredSize(parent);
    }

    /**
     * Applies {@code text} typed (or picked: an option id, true/false) for {@code descriptor} to the
     * shown processor: the Value cell's commit calls this. A refused value (not a number, out of range,
     * not whole, not an option) is said in the error line and nothing changes.
     */
    void apply(SettingDescriptor descriptor, String text) {
        try {
            Object value = SettingRows.parse(descriptor, text);
            Map<String, Object> overrides = new HashMap<>(host.overrides(shownId));
            overrides.put(descriptor.key(), value); // configure replaces every override: keep the others
            host.configure(shownId, overrides);
            String unit = descriptor.unit().isEmpty() ? "" : " " + org.openionm.core.processing.Units.display(descriptor.unit());
            say(descriptor.label() + " set to " + SettingRows.show(descriptor, value) + unit + " (default "
                    + SettingRows.show(descriptor, descriptor.defaultValue()) + unit
                    + "); applies from the next acquisition start.", "");
        } catch (IllegalArgumentException e) {
            say("", "Not changed: " + e.getMessage());
        } catch (IllegalStateException notSaved) { // applied, but a full disk or the like kept it from being saved
            say("", descriptor.label() + ": " + notSaved.getMessage());
        }
        showSettings(true);
    }

    private void resetToDefaults() {
        try {
            host.configure(shownId, Map.of());
            say("Every " + host.displayName(shownId) + " setting has its default value again; applies from the next acquisition start.", "");
        } catch (IllegalArgumentException | IllegalStateException e) { // removed meanwhile, or not saved
            say("", e.getMessage());
        }
        showSettings(true);
    }

    private void say(String message, String problem) {
        done.setText(message);
        error.setText(problem);
        done.getParent().layout();
    }

    private void select(int index) {
        String id = index < 0 || index >= shownIds.size() ? "" : shownIds.get(index);
        if (!id.equals(shownId)) {
            shownId = id;
            say("", "");
            showSettings(true);
        }
    }

    /** Polled: the list follows installed processors, the table the host's values, the note the engine. */
    private void refresh() {
        if (processors.isDisposed()) {
            return;
        }
        List<String> ids = host == null ? List.of() : host.processorIds();
        if (!ids.equals(shownIds)) {
            shownIds = ids;
            int keep = Math.max(0, ids.indexOf(shownId));
            fillProcessors();
            processors.setSelection(keep);
            shownId = ids.isEmpty() ? "" : ids.get(keep);
        }
        if (!settings.viewer().isCellEditorActive()) { // do not pull the value from under the user's typing
            showSettings(false);
        }
        countChanges();
        boolean running = AcquisitionActions.isRunning(engine);
        String when = running
                ? "Changes apply from the next acquisition start: the running acquisition keeps the values it started with."
                : "Changes apply from the next acquisition start.";
        setIfChanged(note, when + " Click a value to change it (a choice or an on/off setting is picked from a list);"
                + " bold values differ from the default. Hover a source for its full text.");
        processors.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    private void fillProcessors() {
        processors.removeAll();
        for (String id : shownIds) {
            new TableItem(processors, SWT.NONE).setText(new String[] { name(id), id, "" });
        }
    }

    /** The list's Settings column: how many settings of each modality differ from their default. */
    private void countChanges() {
        for (int row = 0; row < shownIds.size() && row < processors.getItemCount(); row++) {
            String id = shownIds.get(row);
            try {
                int changed = SettingRows.changed(host.settings(id), host.effectiveSettings(id)).size();
                String text = changed == 0 ? "defaults" : changed + " changed from default";
                if (!text.equals(processors.getItem(row).getText(2))) {
                    processors.getItem(row).setText(2, text);
                }
            } catch (IllegalArgumentException removed) {
                // uninstalled since the last poll; the next poll drops it from the list
            }
        }
    }

    /** Shows the chosen processor's values when they changed (or always when {@code force}). */
    private void showSettings(boolean force) {
        if (shownId.isEmpty()) {
            setIfChanged(heading, host == null ? "The processor host is not installed." : "No modality is installed.");
            if (force || !valuesOf.isEmpty()) {
                valuesOf = "";
                settings.show(List.of());
            }
            reset.setEnabled(false);
            return;
        }
        List<SettingDescriptor> declared;
        Map<String, Object> values;
        try {
            declared = host.settings(shownId);
            values = host.effectiveSettings(shownId);
        } catch (IllegalArgumentException removed) {
            return; // uninstalled since the last poll; the next poll drops it from the list
        }
        if (!force && shownId.equals(valuesOf) && values.equals(shownValues)) {
            return;
        }
        valuesOf = shownId;
        shownValues = values;
        setIfChanged(heading, name(shownId) + " settings");
        settings.show(SettingRows.of(declared, values));
        reset.setEnabled(!SettingRows.changed(declared, values).isEmpty());
        countChanges();
    }

    private String name(String id) {
        try {
            return host.displayName(id);
        } catch (IllegalArgumentException removed) {
            return id;
        }
    }

    private static void setIfChanged(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.getParent().layout();
        }
    }

    /** For tests. */
    Table processors() {
        return processors;
    }

    SettingsTable settings() {
        return settings;
    }

    Label error() {
        return error;
    }

    Label done() {
        return done;
    }

    Label note() {
        return note;
    }

    Button reset() {
        return reset;
    }
}
