package org.openionm.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.SiteDefaults;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code openionm siteconfig --apply <site.yaml>}, run by {@code ./openionm site --config} inside the
 * installation it configures: checks a site's configuration against the modalities installed there
 * (the same descriptors as Setup and {@code analyze --set}) and writes it into the installation's
 * {@code site/} folder. Nothing is written unless all of it is valid.
 *
 * <pre>
 * theme: light                      # dark (operating room, the default) or light
 * demoLogin: false                  # no demo technologist logged in by itself (true by default)
 * modalitySettings:                 # the site's defaults, keyed as analyze --set
 *   ssep.alarm.amplitude.decrease.percent: 40
 *   mep.alarm.preset: brain
 * </pre>
 */
public class SiteConfigApplication extends Command {

    static final String USAGE = "usage: openionm siteconfig --apply <site.yaml>   (inside the installation it configures)";
    static final Set<String> THEMES = Set.of("dark", "light");
    static final String THEME_FILE = "site/site.properties";
    /** How long a processor named in the configuration may take to be installed by DS. */
    static final long PROCESSOR_WAIT_MS = 10_000;

    @Override
    String name() {
        return "siteconfig";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--apply")) {
            throw new UsageException("expected --apply <site.yaml>");
        }
        Path config = Path.of(args[1]);
        Path installation = installation();
        Map<String, Object> yaml = read(config);
        String theme = "dark";
        boolean demoLogin = true;
        Map<String, Map<String, String>> defaults = new TreeMap<>();
        for (Map.Entry<String, Object> e : yaml.entrySet()) {
            switch (e.getKey()) {
                case "theme" -> theme = theme(e.getValue());
                case "modalitySettings" -> defaults = modalitySettings(config, e.getValue());
                case "demoLogin" -> demoLogin = flag("demoLogin", e.getValue());
                default -> throw new UsageException(config + ": unknown key '" + e.getKey()
                        + "'; a site configuration has theme, demoLogin and modalitySettings");
            }
        }
        SiteDefaults.write(installation, defaults);
        Files.writeString(installation.resolve(THEME_FILE), "# written by ./openionm site --config\ntheme=" + theme
                + "\ndemo=" + demoLogin + "\n");
        Files.copy(config, installation.resolve("site/site.yaml"), StandardCopyOption.REPLACE_EXISTING);
        int count = defaults.values().stream().mapToInt(Map::size).sum();
        System.out.println("siteconfig: " + installation + ": theme " + theme + ", demo login " + (demoLogin ? "on" : "off") + ", " + count + " modality default(s)"
                + (count == 0 ? "" : " " + defaults));
        return 0;
    }

    /** The installation this runtime was started from (Equinox's install area). */
    private static Path installation() {
        String area = System.getProperty("osgi.install.area");
        if (area == null || !area.startsWith("file:")) {
            throw new IllegalStateException("not started from an installation (osgi.install.area is " + area + ")");
        }
        return Path.of(URI.create(area.replace(" ", "%20")));
    }

    private static Map<String, Object> read(Path config) throws IOException, UsageException {
        try (Reader in = Files.newBufferedReader(config)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new UsageException(config + ": expected keys (theme, modalitySettings), found " + root);
            }
            Map<String, Object> result = new TreeMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + config);
        } catch (YAMLException e) {
            throw new UsageException(config + " is not valid YAML: " + e.getMessage());
        }
    }

    private static boolean flag(String key, Object value) throws UsageException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new UsageException(key + " must be true or false, was '" + value + "'");
    }

    private static String theme(Object value) throws UsageException {
        String theme = String.valueOf(value);
        if (!THEMES.contains(theme)) {
            throw new UsageException("theme must be dark or light, was '" + theme + "'");
        }
        return theme;
    }

    /** Every value read and checked by its setting's descriptor; returned in the descriptor's text form. */
    private static Map<String, Map<String, String>> modalitySettings(Path config, Object value) throws Exception {
        if (!(value instanceof Map<?, ?> entries)) {
            throw new UsageException(config + ": modalitySettings must map <processor>.<setting> to a value");
        }
        ProcessorHost host = Services.service(ProcessorHost.class);
        Map<String, Map<String, String>> defaults = new TreeMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = String.valueOf(e.getKey());
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new UsageException(config + ": '" + name + "' is not <processor>.<setting>, e.g. mep.alarm.preset");
            }
            String processor = name.substring(0, dot);
            String key = name.substring(dot + 1);
            awaitProcessor(host, processor);
            SettingDescriptor d = host.settings(processor).stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new UsageException(config + ": " + processor + " has no setting '" + key + "'"));
            try {
                Object parsed = d.parse(String.valueOf(e.getValue()));
                defaults.computeIfAbsent(processor, k -> new TreeMap<>()).put(key, SettingDescriptor.format(parsed));
            } catch (IllegalArgumentException refused) {
                throw new UsageException(config + ": " + name + ": " + refused.getMessage());
            }
        }
        return defaults;
    }

    private static void awaitProcessor(ProcessorHost host, String processor) throws InterruptedException, UsageException {
        long deadline = System.currentTimeMillis() + PROCESSOR_WAIT_MS;
        while (!host.processorIds().contains(processor)) {
            if (System.currentTimeMillis() > deadline) {
                List<String> installed = host.processorIds();
                throw new UsageException("no modality '" + processor + "' is installed here (installed: " + installed + ")");
            }
            Thread.sleep(50);
        }
    }
}
