package org.openionm.cases;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a procedure is monitored with: the modalities (processor ids such as {@code ssep},
 * {@code mep}), the stimulation sites ({@code median.left}, {@code tcmep.C3C4}…), the montage (channel
 * labels, e.g. {@code "CPz-Fpz"}), and the modality settings it starts with — alarm presets and other
 * overrides as {@code <processor>.<setting>} = text (the settings file's form:
 * {@code mep.alarm.preset=spinal}). {@code source} says where the template came from (built in, a
 * site configuration file). A case keeps a copy of the template it was created from, so editing a
 * template later does not change a past case.
 */
public record ProtocolTemplate(String id, String name, List<String> procedureTypes, List<String> modalities,
        List<String> stimulationSites, List<String> montage, Map<String, String> settings, String source) {

    public ProtocolTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        procedureTypes = List.copyOf(procedureTypes);
        modalities = List.copyOf(modalities);
        stimulationSites = List.copyOf(stimulationSites);
        montage = List.copyOf(montage);
        settings = Map.copyOf(settings);
        source = source == null ? "" : source;
    }
}
