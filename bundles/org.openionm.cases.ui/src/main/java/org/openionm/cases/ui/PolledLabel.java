package org.openionm.cases.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.cases.ui.CaseTexts.Styled;
import org.openionm.cases.ui.CaseTexts.Tone;

/**
 * A status-bar label refreshed four times a second, as the shell's status fields are (cheap,
 * coalesced, never driven by a background thread), with a colour for its tone: recording red, a
 * problem in the HIGH alarm colours, the demo user amber. Normal text keeps the theme's colour.
 */
abstract class PolledLabel {

    static final int REFRESH_MS = 250;
    /** IEC 60601-1-8 high priority, as the shell's alarm list paints a HIGH alarm. */
    static final RGB ALARM_BACKGROUND = new RGB(0xD0, 0x10, 0x10);

    private Label label;
    private Tone tone = Tone.NORMAL;
    private Color themeForeground;
    private Color themeBackground;

    protected void createLabel(Composite parent, String cssId, int widthChars) {
        Composite box = new Composite(parent, SWT.NONE);
        FillLayout layout = new FillLayout();
        layout.marginWidth = 8; // apart from the neighbouring fields, yet all of them in one row at 1600 px
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        label.setData("org.eclipse.e4.ui.css.id", cssId);
        label.setText(" ".repeat(widthChars));
        label.setToolTipText(tooltip());
        refresh();
    }

    /** What the field is, for its tooltip. */
    protected abstract String tooltip();

    /** Text and tone to show now. */
    protected abstract Styled styled();

    public Label label() {
        return label;
    }

    /** The tone shown, for tests. */
    Tone tone() {
        return tone;
    }

    /** Reads the state now (tests call it instead of waiting for the timer). */
    void refreshNow() {
        Styled s = styled();
        if (!s.text().equals(label.getText())) {
            label.setText(s.text());
            label.getParent().getParent().layout(true, true);
        }
        paint(s.tone());
    }

    private void refresh() {
        if (label == null || label.isDisposed()) {
            return;
        }
        refreshNow();
        label.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    private void paint(Tone next) {
        if (tone == Tone.NORMAL && next != Tone.NORMAL) {
            themeForeground = label.getForeground(); // the CSS colour, to go back to
            themeBackground = label.getBackground();
        }
        boolean dark = luminance(themeBackground == null ? label.getBackground().getRGB() : themeBackground.getRGB()) < 0.5;
        switch (next) {
            case NORMAL -> {
                if (tone != Tone.NORMAL) {
                    label.setForeground(themeForeground);
                    label.setBackground(themeBackground);
                }
            }
            case RECORDING -> {
                label.setForeground(new Color(dark ? new RGB(0xFF, 0x5C, 0x5C) : new RGB(0xC0, 0x00, 0x00)));
                label.setBackground(themeBackground);
            }
            case PROBLEM -> {
                label.setForeground(new Color(new RGB(0xFF, 0xFF, 0xFF)));
                label.setBackground(new Color(ALARM_BACKGROUND));
            }
            case DEMO -> {
                label.setForeground(new Color(dark ? new RGB(0xF2, 0xC2, 0x00) : new RGB(0x8A, 0x5A, 0x00)));
                label.setBackground(themeBackground);
            }
        }
        tone = next;
    }

    private static double luminance(RGB c) {
        return (0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue) / 255.0;
    }
}
