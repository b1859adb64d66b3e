package org.openionm.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openionm.cases.ProtocolTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a protocol template file (format in docs/cases.md); messages name the file and the key. */
final class TemplateYaml {

    private static final Set<String> KEYS = Set.of("id", "name", "procedureTypes", "modalities", "stimulationSites",
            "montage", "settings");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern SETTING = Pattern.compile("[a-z0-9]+\\.[A-Za-z0-9._-]+");

    private TemplateYaml() {
    }

    static ProtocolTemplate parse(String yaml, String source, String file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": expected a mapping with " + String.join(", ", sorted(KEYS)));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "' (allowed: " + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        String id = text(map, "id", file);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(file + ": id '" + id + "' must be lower-case letters, digits, dots or hyphens");
        }
        String name = text(map, "name", file);
        List<String> modalities = list(map, "modalities", file);
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException(file + ": modalities is empty (e.g. [ssep, mep])");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Object s = map.get("settings");
        if (s != null) {
            if (!(s instanceof Map<?, ?> sm)) {
                throw new IllegalArgumentException(file + ": settings must be a mapping of <processor>.<setting>: value");
            }
            for (Map.Entry<?, ?> e : sm.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (!SETTING.matcher(k).matches()) {
                    throw new IllegalArgumentException(file + ": setting '" + k + "' is not <processor>.<setting>, e.g. mep.alarm.preset");
                }
                if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new IllegalArgumentException(file + ": setting '" + k + "' needs a single value, was " + e.getValue());
                }
                settings.put(k, String.valueOf(e.getValue()));
            }
        }
        return new ProtocolTemplate(id, name, list(map, "procedureTypes", file), modalities,
                list(map, "stimulationSites", file), list(map, "montage", file), settings, source);
    }

    private static String text(Map<?, ?> map, String key, String file) {
        Object v = map.get(key);
        if (v == null || v instanceof Map || v instanceof List || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(file + ": '" + key + "' is missing or not a single text value");
        }
        return String.valueOf(v).trim();
    }

    private static List<String> list(Map<?, ?> map, String key, String file) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(file + ": '" + key + "' must be a list, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (o == null || o instanceof Map || o instanceof List || String.valueOf(o).isBlank()) {
                throw new IllegalArgumentException(file + ": '" + key + "' holds an empty or nested item: " + o);
            }
            out.add(String.valueOf(o).trim());
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
