package org.openionm.ui.alarms;

import org.eclipse.swt.graphics.RGB;
import org.openionm.core.processing.AlarmCondition.Priority;

/** IEC 60601-1-8 colours: high red, medium yellow, low cyan (or yellow); text chosen for contrast. */
final class AlarmColors {

    private AlarmColors() {
    }

    static RGB background(Priority priority) {
        return switch (priority) {
            case HIGH -> new RGB(0xD0, 0x10, 0x10);
            case MEDIUM -> new RGB(0xF2, 0xC2, 0x00);
            case LOW -> new RGB(0x00, 0xB8, 0xD4);
        };
    }

    static RGB foreground(Priority priority) {
        return priority == Priority.HIGH ? new RGB(0xFF, 0xFF, 0xFF) : new RGB(0, 0, 0);
    }
}
