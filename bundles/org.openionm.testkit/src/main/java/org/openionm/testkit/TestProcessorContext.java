package org.openionm.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openionm.core.model.Channel;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.SettingDescriptor;

/**
 * A {@link ProcessorContext} for calling a processor directly ({@code processor.start(context)},
 * then {@code onBlock}/{@code onStimulus} from the test), without engine or host.
 *
 * @param channels the acquisition's channels
 * @param settings the settings the processor receives, exactly (values as {@link SettingDescriptor#validate} accepts them)
 * @param output   where its results go, usually a {@link RecordingProcessorOutput}
 * @since 0.2.0
 */
public record TestProcessorContext(List<Channel> channels, Map<String, ?> settings, ProcessorOutput output)
        implements ProcessorContext {

    public TestProcessorContext {
        channels = List.copyOf(channels);
        settings = Map.copyOf(settings);
    }

    /**
     * The context the host would give {@code processor}: every declared default, overlaid with
     * {@code overrides}, each validated as the host validates it.
     *
     * @throws IllegalArgumentException for a key the processor does not declare or a value outside its range
     * @since 0.2.0
     */
    public static TestProcessorContext withDefaults(ModalityProcessor processor, List<Channel> channels,
            Map<String, ?> overrides, ProcessorOutput output) {
        Map<String, Object> effective = new TreeMap<>();
        Map<String, SettingDescriptor> declared = new TreeMap<>();
        for (SettingDescriptor d : processor.settings()) {
            declared.put(d.key(), d);
            effective.put(d.key(), d.defaultValue());
        }
        overrides.forEach((key, value) -> {
            SettingDescriptor d = declared.get(key);
            if (d == null) {
                throw new IllegalArgumentException(processor.id() + " has no setting '" + key + "'; it declares " + declared.keySet());
            }
            effective.put(key, d.validate(value));
        });
        return new TestProcessorContext(channels, effective, output);
    }
}
