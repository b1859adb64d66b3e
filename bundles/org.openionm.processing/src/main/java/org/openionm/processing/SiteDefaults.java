package org.openionm.processing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.openionm.processing.internal.SettingsFile;

/**
 * A site's own defaults for modality settings, written when a department installs its workbench
 * ({@code ./openionm site --config site.yaml}) and read by the processor host at start: they replace
 * the processors' declared defaults (the Setup part shows them as the default, with "site
 * configuration" as the source), a user's changes still go on top, and "Reset to defaults" comes back
 * to them. One {@code <processor>.<setting>=<value>} line each, in the text form of the setting's
 * descriptor, in {@value #RELATIVE_PATH} of the installation.
 *
 * @since 0.2.0
 */
public final class SiteDefaults {

    /** Where in an installation the site's defaults live. */
    public static final String RELATIVE_PATH = "site/modality-settings.properties";

    private SiteDefaults() {
    }

    public static Path file(Path installation) {
        return installation.resolve(RELATIVE_PATH);
    }

    /** The site's defaults by processor, as text; none when the installation has no site configuration. */
    public static Map<String, Map<String, String>> read(Path installation, Consumer<String> problems) throws IOException {
        return SettingsFile.load(file(installation), problems);
    }

    /** Writes the site's defaults (values as {@code SettingDescriptor.format} writes them), whole or not at all. */
    public static void write(Path installation, Map<String, Map<String, String>> defaults) throws IOException {
        SettingsFile.save(file(installation), defaults,
                "OpenIONM site defaults for modality settings (./openionm site --config); users' changes go on top");
    }
}
