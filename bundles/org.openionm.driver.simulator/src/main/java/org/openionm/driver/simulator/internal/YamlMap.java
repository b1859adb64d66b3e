package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed access to one YAML mapping node with line numbers in every error, so that a technologist
 * editing a scenario file learns where and what is wrong. Works on SnakeYAML's node tree (compose),
 * so no objects are constructed from the file.
 */
final class YamlMap {

    private final String source;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlMap(Node node, String source, String what) {
        this.source = source;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of 'key: value' lines");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (entries.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "'" + key + "' is given twice");
            }
        }
    }

    int line() {
        return line(node);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    IllegalArgumentException error(Node at, String problem) {
        return new IllegalArgumentException("scenario " + source + ", line " + line(at) + ": " + problem);
    }

    IllegalArgumentException error(String problem) {
        return error(node, problem);
    }

    /** Refuses keys outside {@code allowed} (typos would otherwise be silently ignored). */
    void onlyKeys(Set<String> allowed, String what) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in " + what + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    YamlMap map(String key) {
        return new YamlMap(value(key), source, "'" + key + "'");
    }

    String text(String key) {
        Node v = value(key);
        if (v == null) {
            throw error("missing '" + key + "'");
        }
        return scalar(v, "'" + key + "'");
    }

    String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    double number(String key, double min, double max, String unit) {
        Node v = value(key);
        if (v == null) {
            throw error("missing '" + key + "'" + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
        return number(v, key, min, max, unit);
    }

    double number(String key, double fallback, double min, double max, String unit) {
        return has(key) ? number(value(key), key, min, max, unit) : fallback;
    }

    Double optionalNumber(String key, double min, double max, String unit) {
        return has(key) ? number(value(key), key, min, max, unit) : null;
    }

    double number(Node v, String key, double min, double max, String unit) {
        String text = scalar(v, "'" + key + "'");
        double x;
        try {
            x = Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(v, "'" + key + "' must be a number" + (unit.isEmpty() ? "" : " in " + unit) + ", was '" + text + "'");
        }
        if (!(x >= min && x <= max)) {
            throw error(v, "'" + key + "' must be between " + ScenarioEvent.num(min) + " and " + ScenarioEvent.num(max)
                    + (unit.isEmpty() ? "" : " " + unit) + ", was " + text);
        }
        return x;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        String text = scalar(value(key), "'" + key + "'").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(value(key), "'" + key + "' must be true or false, was '" + text + "'");
        };
    }

    /** A scalar or a list of scalars; empty when absent. */
    List<String> strings(String key) {
        Node v = value(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof SequenceNode seq) {
            List<String> list = new ArrayList<>();
            for (Node item : seq.getValue()) {
                list.add(scalar(item, "an item of '" + key + "'"));
            }
            return list;
        }
        return List.of(scalar(v, "'" + key + "'"));
    }

    List<Node> list(String key) {
        Node v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, "'" + key + "' must be a list (lines starting with '- ')");
        }
        return seq.getValue();
    }

    String scalar(Node v, String what) {
        if (!(v instanceof ScalarNode s)) {
            throw error(v, what + " must be a single value, not a list or mapping");
        }
        return s.getValue().trim();
    }
}
