package org.openionm.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.openionm.cases.DataArea;
import org.openionm.cases.ProtocolTemplate;

/**
 * The site's case rules, from the data area's {@code site/} folder over the built-in defaults:
 * {@code procedures.txt} (procedure types), {@code templates/*.yaml} (protocol templates) and
 * {@code cases.properties} (the MRN rule). Format in docs/cases.md. A malformed file is an error
 * naming the file and the line or key, never silently skipped: a site must see its rule is not in force.
 */
public record SiteConfiguration(List<String> procedureTypes, List<ProtocolTemplate> templates, Pattern mrnPattern,
        String mrnRule) {

    public static final String DEFAULT_MRN_PATTERN = "[A-Za-z0-9-]{4,20}";
    public static final String DEFAULT_MRN_RULE = "4–20 letters, digits or hyphens";
    /** The line of a site's procedures.txt that stands for the built-in list. */
    public static final String BUILT_IN_DIRECTIVE = "@built-in";

    public SiteConfiguration {
        procedureTypes = List.copyOf(procedureTypes);
        templates = List.copyOf(templates);
    }

    public static Path siteFolder(DataArea area) {
        return area.root().resolve("site");
    }

    /** The built-in rules overlaid with the site's files, if any. */
    public static SiteConfiguration load(DataArea area) {
        Path site = siteFolder(area);
        List<String> builtInTypes = lines(resource("defaults/procedures.txt"), "built-in procedures.txt");
        List<String> types = builtInTypes;
        Path proceduresFile = site.resolve("procedures.txt");
        if (Files.isRegularFile(proceduresFile)) {
            types = siteProcedures(read(proceduresFile), builtInTypes, proceduresFile.toString());
        }
        Map<String, ProtocolTemplate> templates = new LinkedHashMap<>();
        for (String name : lines(resource("defaults/templates/index.txt"), "built-in templates/index.txt")) {
            ProtocolTemplate t = TemplateYaml.parse(resource("defaults/templates/" + name), "built-in", "built-in " + name);
            templates.put(t.id(), t);
        }
        Path templateFolder = site.resolve("templates");
        if (Files.isDirectory(templateFolder)) {
            try (Stream<Path> files = Files.list(templateFolder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    String source = "site: " + area.root().relativize(f.toAbsolutePath());
                    ProtocolTemplate t = TemplateYaml.parse(read(f), source, f.toString());
                    templates.put(t.id(), t); // same id as a built-in one: the site's replaces it
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + templateFolder + ": " + e.getMessage(), e);
            }
        }
        Pattern mrn = Pattern.compile(DEFAULT_MRN_PATTERN);
        String mrnRule = DEFAULT_MRN_RULE;
        Path properties = site.resolve("cases.properties");
        if (Files.isRegularFile(properties)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + properties + ": " + e.getMessage(), e);
            }
            String pattern = p.getProperty("mrn.pattern");
            if (pattern != null && !pattern.isBlank()) {
                try {
                    mrn = Pattern.compile(pattern.trim());
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(properties + ": mrn.pattern '" + pattern + "' is not a regular expression: "
                            + e.getDescription(), e);
                }
                mrnRule = p.getProperty("mrn.rule", "match " + pattern.trim()).trim();
            }
        }
        return new SiteConfiguration(types, List.copyOf(templates.values()), mrn, mrnRule);
    }

    private static List<String> siteProcedures(String text, List<String> builtIn, String file) {
        List<String> types = new ArrayList<>();
        for (String line : lines(text, file)) {
            if (line.equals(BUILT_IN_DIRECTIVE)) {
                builtIn.forEach(t -> addType(types, t));
            } else {
                addType(types, line);
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException(file + ": lists no procedure type (write " + BUILT_IN_DIRECTIVE
                    + " to keep the built-in list)");
        }
        return types;
    }

    private static void addType(List<String> types, String type) {
        if (types.stream().noneMatch(t -> t.equalsIgnoreCase(type))) {
            types.add(type);
        }
    }

    /** Non-blank lines without {@code #} comments, trimmed. */
    static List<String> lines(String text, String what) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SiteConfiguration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource " + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in " + name + ": " + e.getMessage(), e);
        }
    }

    /** The configured type matching {@code type} regardless of letter case, if any. */
    public java.util.Optional<String> procedureType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return procedureTypes.stream().filter(p -> p.toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }
}
