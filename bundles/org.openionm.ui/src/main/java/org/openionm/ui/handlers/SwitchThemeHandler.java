package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;

import jakarta.inject.Named;

/** Switches between the dark operating-room theme and the light theme, and remembers the choice. */
public class SwitchThemeHandler {

    public static final String PARAMETER = "org.openionm.ui.commandparameter.theme";

    @Execute
    public void execute(@Named(PARAMETER) String themeId, @Optional IThemeEngine themes) {
        if (themes != null) {
            themes.setTheme(themeId, true);
        }
    }
}
