package org.openionm.driver.edf.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openionm.core.model.ChannelRole;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.io.edf.StimulusAnnotations;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a protocol file; every problem is reported with the file and what is wrong. */
final class ProtocolParser {

    static final List<ChannelRole> ROLES = List.of(ChannelRole.EEG, ChannelRole.SSEP_PERIPHERAL, ChannelRole.SSEP_SUBCORTICAL,
            ChannelRole.SSEP_CORTICAL, ChannelRole.MEP_MUSCLE, ChannelRole.EMG_FREE_RUN, ChannelRole.EMG_TRIGGERED,
            ChannelRole.OTHER);

    private ProtocolParser() {
    }

    static Protocol parse(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (NoSuchFileException e) {
            throw fail(file, "no such file");
        } catch (IOException e) {
            throw fail(file, "cannot read it: " + e.getMessage());
        } catch (YAMLException e) {
            throw fail(file, e.getMessage().replace('\n', ' '));
        }
        Map<String, Object> top = map(file, root, "the file");
        only(file, top, Set.of("channels", "stimuli"), "the top level");
        Map<String, Protocol.ChannelMapping> channels = new LinkedHashMap<>();
        map(file, top.getOrDefault("channels", Map.of()), "channels").forEach((label, value) -> channels.put(label,
                channel(file, label, value)));
        List<Protocol.StimulusRule> stimuli = new ArrayList<>();
        Object list = top.getOrDefault("stimuli", List.of());
        if (!(list instanceof List<?> rules)) {
            throw fail(file, "stimuli must be a list of rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            stimuli.add(rule(file, i + 1, map(file, rules.get(i), "stimulus rule " + (i + 1))));
        }
        return new Protocol(channels, stimuli);
    }

    private static Protocol.ChannelMapping channel(Path file, String label, Object value) {
        if (value instanceof String roleId) {
            return new Protocol.ChannelMapping(role(file, label, roleId), label);
        }
        Map<String, Object> m = map(file, value, "channel " + label);
        only(file, m, Set.of("role", "label"), "channel " + label);
        String roleId = text(file, m, "role", "channel " + label);
        String newLabel = m.containsKey("label") ? text(file, m, "label", "channel " + label) : label;
        return new Protocol.ChannelMapping(role(file, label, roleId), newLabel);
    }

    private static ChannelRole role(Path file, String label, String id) {
        return ROLES.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> fail(file, "channel " + label
                + ": unknown role '" + id + "' (known: " + ROLES.stream().map(ChannelRole::id).toList() + ")"));
    }

    private static Protocol.StimulusRule rule(Path file, int n, Map<String, Object> m) {
        String where = "stimulus rule " + n;
        only(file, m, Set.of("match", "site", "kind", "intensity", "unit", "pulseWidthUs", "pulses", "isiMs"), where);
        Pattern pattern;
        try {
            pattern = Pattern.compile(text(file, m, "match", where));
        } catch (PatternSyntaxException e) {
            throw fail(file, where + ": match is not a valid regular expression: " + e.getDescription());
        }
        String problem = AnnotationGroups.check(pattern, m.containsKey("site"));
        if (problem != null) {
            throw fail(file, where + ": " + problem);
        }
        String unit = m.containsKey("unit") ? text(file, m, "unit", where) : "mA";
        if (!unit.equals("mA") && !unit.equals("V")) {
            throw fail(file, where + ": unit must be mA or V, was " + unit);
        }
        int pulses = (int) number(file, m, "pulses", 1, where);
        try {
            // without kind: as a STIM annotation without one (several pulses a train, one averaged)
            StimulationKind kind = m.containsKey("kind") ? StimulationKind.ofToken(text(file, m, "kind", where))
                    : StimulusAnnotations.undeclaredKind(pulses);
            String site = m.containsKey("site") ? text(file, m, "site", where) : null;
            return new Protocol.StimulusRule(pattern, site, kind, number(file, m, "intensity", 0, where),
                    unit, number(file, m, "pulseWidthUs", 200, where), pulses, number(file, m, "isiMs", 0, where),
                    where + " of protocol file " + file);
        } catch (IllegalArgumentException e) {
            throw fail(file, where + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Path file, Object value, String where) {
        if (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)) {
            return (Map<String, Object>) m;
        }
        throw fail(file, where + " must be a mapping of names to values");
    }

    private static void only(Path file, Map<String, Object> m, Set<String> allowed, String where) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(file, where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static String text(Path file, Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw fail(file, where + ": " + key + " is missing");
        }
        return v.toString();
    }

    private static double number(Path file, Map<String, Object> m, String key, double fallback, String where) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(file, where + ": " + key + " must be a number, was '" + v + "'");
    }

    private static IllegalArgumentException fail(Path file, String problem) {
        return new IllegalArgumentException("protocol file " + file + ": " + problem);
    }
}
