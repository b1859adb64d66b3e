package org.openionm.ui.parts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.openionm.core.driver.DriverOption;

/**
 * Edits the options a driver declares (scenario, file, seed…) with one generic form, so a new
 * amplifier plugin gets its settings on the Setup page without UI code of its own.
 */
final class DriverOptionsEditor {

    private final Composite form;
    private final Map<String, Control> editors = new LinkedHashMap<>();

    DriverOptionsEditor(Composite parent) {
        form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(3, false));
    }

    Composite control() {
        return form;
    }

    /** Replaces the form with editors for {@code options}, pre-filled from {@code values} or defaults. */
    void show(List<DriverOption> options, Map<String, String> values) {
        for (Control child : form.getChildren()) {
            child.dispose();
        }
        editors.clear();
        for (DriverOption option : options) {
            Label label = new Label(form, SWT.NONE);
            label.setText(option.label());
            label.setToolTipText(option.help());
            String value = values.getOrDefault(option.key(), option.defaultValue());
            Control editor = switch (option.kind()) {
                case CHOICE -> choice(option, value);
                case FILE -> file(option, value);
                case TEXT, NUMBER -> text(option, value, 2);
            };
            editor.setToolTipText(option.help());
            editors.put(option.key(), editor);
        }
        form.getParent().layout(true, true);
    }

    /** Current values; empty fields are left out so the driver applies its default. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        editors.forEach((key, editor) -> {
            String value = editor instanceof Combo c ? c.getText() : ((Text) editor).getText();
            if (!value.isBlank()) {
                values.put(key, value.trim());
            }
        });
        return values;
    }

    private Control choice(DriverOption option, String value) {
        Combo combo = new Combo(form, SWT.DROP_DOWN); // editable: a scenario may also be a file path
        option.choices().forEach(combo::add);
        combo.setText(value);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return combo;
    }

    private Control file(DriverOption option, String value) {
        Text path = text(option, value, 1);
        Button browse = new Button(form, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(form.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.edf;*.EDF;*.bdf;*.BDF", "*" });
            dialog.setFilterNames(new String[] { "EDF+/BDF recordings", "All files" });
            String chosen = dialog.open();
            if (chosen != null) {
                path.setText(chosen);
            }
        });
        return path;
    }

    private Text text(DriverOption option, String value, int span) {
        Text text = new Text(form, SWT.BORDER);
        text.setText(value);
        text.setMessage(option.help());
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        data.widthHint = 320;
        text.setLayoutData(data);
        return text;
    }
}
