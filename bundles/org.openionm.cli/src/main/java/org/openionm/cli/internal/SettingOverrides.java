package org.openionm.cli.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.processing.ProcessorHost;

/**
 * The settings a headless analysis runs with: every processor's defaults, changed only by
 * {@code --set <processor>.<key>=<value>} (e.g. another alarm threshold), so an analysis is
 * reproducible from its command line whatever was saved before. Validated by the processor host like
 * the Setup part's edits; what was configured before is put back afterwards.
 */
final class SettingOverrides implements AutoCloseable {

    private final ProcessorHost host;
    private final Map<String, Map<String, Object>> previous = new HashMap<>();

    private SettingOverrides(ProcessorHost host) {
        this.host = host;
    }

    /**
     * Applies every {@code --set}; a malformed, unknown or refused one is a usage error naming it and
     * what the setting allows. The value is read by the setting's descriptor: a number, an option id
     * ({@code mep.alarm.preset=brain}) or true/false ({@code ssep.alarm.subcortical=true}).
     */
    static SettingOverrides apply(ProcessorHost host, List<String> assignments) throws UsageException {
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        for (String text : assignments) {
            int dot = text.indexOf('.');
            int eq = text.indexOf('=');
            if (dot <= 0 || eq < dot + 2 || eq == text.length() - 1) {
                throw new UsageException("--set expects <processor>.<setting>=<value>, e.g. ssep.alarm.amplitude.decrease.percent=40,"
                        + " was '" + text + "'");
            }
            String processor = text.substring(0, dot);
            String key = text.substring(dot + 1, eq).strip();
            String value = text.substring(eq + 1).strip();
            try {
                SettingDescriptor d = host.settings(processor).stream().filter(s -> s.key().equals(key)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(processor + " has no setting '" + key + "'"));
                wanted.computeIfAbsent(processor, k -> new LinkedHashMap<>()).put(key, d.parse(value));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--set " + text + ": " + e.getMessage());
            }
        }
        SettingOverrides overrides = new SettingOverrides(host);
        try {
            for (String processor : host.processorIds()) {
                overrides.previous.put(processor, host.overrides(processor));
                host.configure(processor, wanted.getOrDefault(processor, Map.of()));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            overrides.close();
            throw new UsageException("--set: " + e.getMessage());
        }
        return overrides;
    }

    @Override
    public void close() {
        previous.forEach(host::configure);
    }
}
