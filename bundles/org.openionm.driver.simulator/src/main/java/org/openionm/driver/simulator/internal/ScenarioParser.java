package org.openionm.driver.simulator.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.stimulation.TrainGuard;
import org.openionm.driver.simulator.internal.MontageChannel.Side;
import org.openionm.driver.simulator.internal.ScenarioEvent.ATrain;
import org.openionm.driver.simulator.internal.ScenarioEvent.AlphaChange;
import org.openionm.driver.simulator.internal.ScenarioEvent.BurstSuppression;
import org.openionm.driver.simulator.internal.ScenarioEvent.Cautery;
import org.openionm.driver.simulator.internal.ScenarioEvent.ATrainCluster;
import org.openionm.driver.simulator.internal.ScenarioEvent.EmgBurst;
import org.openionm.driver.simulator.internal.ScenarioEvent.EmgSpikes;
import org.openionm.driver.simulator.internal.ScenarioEvent.Neurotonic;
import org.openionm.driver.simulator.internal.ScenarioEvent.LeadOff;
import org.openionm.driver.simulator.internal.ScenarioEvent.LeadOn;
import org.openionm.driver.simulator.internal.ScenarioEvent.MepChange;
import org.openionm.driver.simulator.internal.ScenarioEvent.Note;
import org.openionm.driver.simulator.internal.ScenarioEvent.ScrewThreshold;
import org.openionm.driver.simulator.internal.ScenarioEvent.SsepChange;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file (format in docs/scenarios.md). Every problem becomes an
 * IllegalArgumentException naming the file, the line and what is wrong.
 */
final class ScenarioParser {

    static final double MAX_DURATION_S = 7 * 24 * 3600;

    private static final Set<String> TOP = Set.of("name", "description", "durationSeconds", "mainsHz", "signals",
            "baseline", "stimulation", "tcmepGuard", "events");
    private static final Set<String> GUARD = Set.of("beforeMs", "afterMs");
    private static final Set<String> SIGNALS = Set.of("mainsMicrovolts", "mainsHarmonics", "eegMicrovolts",
            "alphaMicrovolts", "cervicalMicrovolts", "peripheralMicrovolts", "emgMicrovolts", "stimulusArtifact",
            "ssepJitterMs", "ssepAmplitudeCv", "mepAmplitudeCv");
    private static final Set<String> STIMULATION = Set.of("site", "rateHz", "everySeconds", "intensity", "unit",
            "pulseWidthUs", "pulses", "isiMs", "rampStep", "rampMax", "offsetMs", "kind", "onDemand");
    private static final List<String> EVENT_TYPES = List.of("ssep-change", "mep-change", "a-train", "emg-spikes",
            "emg-burst", "neurotonic", "a-train-cluster",
            "screw-threshold", "cautery", "lead-off", "lead-on", "burst-suppression", "alpha-change", "note");

    private final String source;
    private double duration;

    private ScenarioParser(String source) {
        this.source = source;
    }

    /**
     * @param source      the file's name or path, as messages should show it
     * @param defaultName name when the file has no {@code name:}
     */
    static Scenario parse(Reader reader, String source, String defaultName) {
        return new ScenarioParser(source).read(reader, defaultName);
    }

    private Scenario read(Reader reader, String defaultName) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new IllegalArgumentException("scenario " + source + where + ": invalid YAML: " + problem
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("scenario " + source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException("scenario " + source + ": the file is empty");
        }
        YamlMap top = new YamlMap(root, source, "a scenario");
        top.onlyKeys(TOP, "the scenario");
        String name = top.text("name", defaultName);
        duration = top.number("durationSeconds", 1, MAX_DURATION_S, "s");
        double mains = top.number("mainsHz", 50, 50, 60, "Hz");
        if (mains != 50 && mains != 60) {
            throw top.error(top.value("mainsHz"), "'mainsHz' must be 50 or 60, was " + ScenarioEvent.num(mains));
        }
        Signals signals = top.has("signals") ? signals(top.map("signals")) : Signals.DEFAULTS;
        List<SsepComponent> ssep = new ArrayList<>(SsepNorms.all());
        Map<String, MepMuscle> mep = defaultMep();
        if (top.has("baseline")) {
            baseline(top.map("baseline"), ssep, mep);
        }
        List<PeriodicStimulation> stimulation = new ArrayList<>();
        Set<String> siteIds = new java.util.HashSet<>();
        for (Node n : top.list("stimulation")) {
            PeriodicStimulation site = stimulation(new YamlMap(n, source, "a stimulation site"));
            if (!siteIds.add(site.siteId())) {
                throw new YamlMap(n, source, "").error("stimulation site " + site.siteId() + " is listed twice");
            }
            stimulation.add(site);
        }
        TrainGuard guard = top.has("tcmepGuard") ? guard(top.map("tcmepGuard")) : TrainGuard.DEFAULT;
        List<ScenarioEvent> events = new ArrayList<>();
        for (Node n : top.list("events")) {
            events.add(event(new YamlMap(n, source, "an event")));
        }
        events.sort(Comparator.comparingDouble(ScenarioEvent::atSeconds)); // stable: same-time events keep file order
        return new Scenario(name, source, top.text("description", ""), duration, (int) mains, signals, ssep, mep,
                stimulation, guard, events);
    }

    /** The pause of SSEP stimulation around TcMEP trains; an omitted side keeps its default. */
    private TrainGuard guard(YamlMap m) {
        m.onlyKeys(GUARD, "'tcmepGuard'");
        return new TrainGuard(m.number("beforeMs", TrainGuard.DEFAULT_BEFORE_MS, 0, TrainGuard.MAX_MS, "ms"),
                m.number("afterMs", TrainGuard.DEFAULT_AFTER_MS, 0, TrainGuard.MAX_MS, "ms"));
    }

    private Signals signals(YamlMap m) {
        m.onlyKeys(SIGNALS, "signals");
        Signals d = Signals.DEFAULTS;
        List<Double> harmonics = d.mainsHarmonics();
        if (m.has("mainsHarmonics")) {
            harmonics = new ArrayList<>();
            for (Node n : m.list("mainsHarmonics")) {
                harmonics.add(m.number(n, "mainsHarmonics", 0, 1, "(relative to the fundamental)"));
            }
            if (harmonics.size() > 8) {
                throw m.error(m.value("mainsHarmonics"), "'mainsHarmonics' lists at most 8 harmonics (2nd to 9th)");
            }
        }
        return new Signals(
                m.number("mainsMicrovolts", d.mainsMicrovolts(), 0, 1000, "uV"),
                harmonics,
                m.number("eegMicrovolts", d.eegMicrovolts(), 0, 500, "uV"),
                m.number("alphaMicrovolts", d.alphaMicrovolts(), 0, 200, "uV"),
                m.number("cervicalMicrovolts", d.cervicalMicrovolts(), 0, 500, "uV"),
                m.number("peripheralMicrovolts", d.peripheralMicrovolts(), 0, 500, "uV"),
                m.number("emgMicrovolts", d.emgMicrovolts(), 0, 500, "uV"),
                m.bool("stimulusArtifact", d.stimulusArtifact()),
                m.number("ssepJitterMs", d.ssepJitterMs(), 0, 2, "ms"),
                m.number("ssepAmplitudeCv", d.ssepAmplitudeCv(), 0, 1, ""),
                m.number("mepAmplitudeCv", d.mepAmplitudeCv(), 0, 2, ""));
    }

    static Map<String, MepMuscle> defaultMep() {
        Map<String, MepMuscle> mep = new LinkedHashMap<>();
        for (MontageChannel c : Montage.full()) {
            MepMuscle norm = MepMuscle.NORMS.get(c.muscle());
            if (norm != null) {
                mep.put(c.label(), norm);
            }
        }
        return mep;
    }

    private void baseline(YamlMap m, List<SsepComponent> ssep, Map<String, MepMuscle> mep) {
        m.onlyKeys(Set.of("ssep", "mep"), "baseline");
        if (m.has("ssep")) {
            YamlMap sites = m.map("ssep");
            for (String site : sites.keys()) {
                if (!SsepNorms.SITES.contains(site)) {
                    throw sites.error(sites.keyNode(site), "unknown SSEP site '" + site + "'; known: " + SsepNorms.SITES);
                }
                YamlMap comps = sites.map(site);
                for (String comp : comps.keys()) {
                    int i = indexOf(ssep, site, comp);
                    if (i < 0) {
                        throw comps.error(comps.keyNode(comp), "site " + site + " has no component '" + comp + "'; it has "
                                + SsepNorms.of(site).stream().map(SsepComponent::name).toList());
                    }
                    YamlMap c = comps.map(comp);
                    c.onlyKeys(Set.of("latencyMs", "amplitudeUv", "widthMs"), site + " " + comp);
                    SsepComponent old = ssep.get(i);
                    ssep.set(i, old.with(c.number("latencyMs", old.latencyMs(), 1, 150, "ms"),
                            c.number("amplitudeUv", old.amplitudeUv(), -100, 100, "uV"),
                            c.number("widthMs", old.widthMs(), 0.5, 40, "ms")));
                }
            }
        }
        if (m.has("mep")) {
            YamlMap muscles = m.map("mep");
            for (String key : muscles.keys()) {
                List<String> labels = mep.keySet().stream()
                        .filter(l -> l.equals(key) || Montage.byLabel(l).orElseThrow().muscle().equals(key)).toList();
                if (labels.isEmpty()) {
                    throw muscles.error(muscles.keyNode(key), "no MEP muscle '" + key + "'; use a muscle ("
                            + String.join(", ", MepMuscle.NORMS.keySet().stream().sorted().toList())
                            + ") or a channel label such as TA-L");
                }
                YamlMap c = muscles.map(key);
                c.onlyKeys(Set.of("onsetMs", "amplitudeUv", "thresholdV"), "MEP " + key);
                for (String label : labels) {
                    MepMuscle old = mep.get(label);
                    mep.put(label, new MepMuscle(c.number("onsetMs", old.onsetMs(), 5, 120, "ms"),
                            c.number("amplitudeUv", old.amplitudeUv(), 1, 10_000, "uV"),
                            c.number("thresholdV", old.thresholdV(), 10, 1000, "V")));
                }
            }
        }
    }

    private static int indexOf(List<SsepComponent> ssep, String site, String name) {
        for (int i = 0; i < ssep.size(); i++) {
            if (ssep.get(i).site().equals(site) && ssep.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private PeriodicStimulation stimulation(YamlMap m) {
        m.onlyKeys(STIMULATION, "a stimulation site");
        String id = m.text("site");
        StimSite site = StimSite.parse(id);
        if (site.type() == StimSite.Type.OTHER) {
            throw m.error(m.value("site"), "unknown stimulation site '" + id + "'; use " + StimSite.forms());
        }
        boolean tcmep = site.type() == StimSite.Type.TCMEP;
        String unit = m.text("unit", tcmep ? "V" : "mA");
        if (!unit.equals("mA") && !unit.equals("V")) {
            throw m.error(m.value("unit"), "'unit' must be mA or V, was '" + unit + "'");
        }
        if (m.has("rateHz") && m.has("everySeconds")) {
            throw m.error("give either 'rateHz' or 'everySeconds', not both");
        }
        double rate = m.has("everySeconds") ? 1 / m.number("everySeconds", 1, 86_400, "s")
                : m.number("rateHz", 0, 0, 100, "Hz");
        double max = unit.equals("V") ? 1000 : 100;
        double intensity = m.number("intensity", 0, max, unit);
        double rampStep = m.number("rampStep", 0, 0, max, unit);
        double rampMax = m.number("rampMax", rampStep > 0 ? max : 0, 0, max, unit);
        if (rampStep > 0 && rate == 0) {
            throw m.error("a ramp ('rampStep') needs 'rateHz'");
        }
        double offset = m.has("offsetMs") ? m.number("offsetMs", 0, 0, 86_400_000, "ms") : Double.NaN;
        int pulses = (int) m.number("pulses", tcmep ? 5 : 1, 1, 9, "");
        StimulationKind kind = defaultKind(rate, pulses, rampStep);
        if (m.has("kind")) {
            try {
                kind = StimulationKind.ofToken(m.text("kind"));
            } catch (IllegalArgumentException e) {
                throw m.error(m.value("kind"), e.getMessage());
            }
        }
        try {
            return new PeriodicStimulation(id, kind, rate, intensity, unit,
                    m.number("pulseWidthUs", tcmep ? 50 : 200, 10, 2000, "us"), pulses,
                    m.number("isiMs", tcmep ? 3 : 0, 0, 20, "ms"), rampStep, rampMax, offset, m.bool("onDemand", false));
        } catch (IllegalArgumentException e) {
            throw m.error(e.getMessage());
        }
    }

    /**
     * The kind of a site without {@code kind:} (docs/scenarios.md): a ramp when it has a ramp step, a
     * train when it has several pulses, averaged at an averaging rate, else single trials. Read from
     * the parameters, never from the site's id.
     */
    static StimulationKind defaultKind(double rateHz, int pulses, double rampStep) {
        if (rampStep > 0) {
            return StimulationKind.RAMP;
        }
        if (pulses > 1) {
            return StimulationKind.TRAIN;
        }
        return rateHz >= StimulationProgram.MIN_AVERAGING_RATE_HZ ? StimulationKind.AVERAGED : StimulationKind.SINGLE;
    }

    private ScenarioEvent event(YamlMap m) {
        String type = m.text("type");
        double at = m.number("at", 0, MAX_DURATION_S, "s");
        if (at >= duration) {
            throw m.error(m.value("at"), type + " at " + ScenarioEvent.num(at) + " s is not before the scenario's end ("
                    + ScenarioEvent.num(duration) + " s)");
        }
        return switch (type) {
            case "ssep-change" -> {
                m.onlyKeys(Set.of("at", "type", "site", "component", "components", "amplitudePercent", "latencyShiftMs",
                        "latencyPercent", "rampSeconds"), type);
                String site = m.text("site");
                if (!SsepNorms.SITES.contains(site)) {
                    throw m.error(m.value("site"), "unknown SSEP site '" + site + "'; known: " + SsepNorms.SITES);
                }
                List<String> comps = new ArrayList<>(m.strings("component"));
                comps.addAll(m.strings("components"));
                List<String> known = SsepNorms.of(site).stream().map(SsepComponent::name).toList();
                for (String c : comps) {
                    if (!known.contains(c)) {
                        throw m.error("site " + site + " has no component '" + c + "'; it has " + known);
                    }
                }
                Double amp = m.optionalNumber("amplitudePercent", -100, 400, "%");
                Double shift = m.optionalNumber("latencyShiftMs", -20, 50, "ms");
                Double pct = m.optionalNumber("latencyPercent", -50, 100, "%");
                if (shift != null && pct != null) {
                    throw m.error("give either 'latencyShiftMs' or 'latencyPercent', not both");
                }
                if (amp == null && shift == null && pct == null) {
                    throw m.error("ssep-change needs 'amplitudePercent', 'latencyShiftMs' or 'latencyPercent'");
                }
                yield new SsepChange(at, site, comps, amp, shift, pct, ramp(m));
            }
            case "mep-change" -> {
                m.onlyKeys(Set.of("at", "type", "muscle", "muscles", "amplitudePercent", "thresholdShiftV", "rampSeconds"), type);
                List<String> muscles = new ArrayList<>(m.strings("muscle"));
                muscles.addAll(m.strings("muscles"));
                if (muscles.isEmpty()) {
                    throw m.error("mep-change needs 'muscle' (a channel label such as TA-L, or a list)");
                }
                Set<String> known = defaultMep().keySet();
                for (String label : muscles) {
                    if (!known.contains(label)) {
                        throw m.error("no MEP muscle channel '" + label + "'; known: " + String.join(", ", known));
                    }
                }
                Double amp = m.optionalNumber("amplitudePercent", -100, 400, "%");
                Double thr = m.optionalNumber("thresholdShiftV", -500, 1000, "V");
                if (amp == null && thr == null) {
                    throw m.error("mep-change needs 'amplitudePercent' or 'thresholdShiftV'");
                }
                yield new MepChange(at, muscles, amp, thr, ramp(m));
            }
            case "a-train" -> {
                m.onlyKeys(Set.of("at", "type", "channel", "durationSeconds", "frequencyHz", "amplitudeUv"), type);
                yield new ATrain(at, muscleChannel(m), m.number("durationSeconds", 0.01, 3600, "s"),
                        m.number("frequencyHz", 120, 20, 500, "Hz"), m.number("amplitudeUv", 150, 1, 5000, "uV"));
            }
            case "emg-spikes" -> {
                m.onlyKeys(Set.of("at", "type", "channel", "durationSeconds", "rateHz", "amplitudeUv", "minIntervalMs"), type);
                yield new EmgSpikes(at, muscleChannel(m), m.number("durationSeconds", 0.01, 3600, "s"),
                        m.number("rateHz", 10, 0.1, 200, "Hz"), m.number("amplitudeUv", 150, 1, 5000, "uV"),
                        m.number("minIntervalMs", 0, 0, 10_000, "ms"));
            }
            case "emg-burst" -> {
                m.onlyKeys(Set.of("at", "type", "channel", "durationSeconds", "count", "amplitudeUv"), type);
                yield new EmgBurst(at, muscleChannel(m), m.number("durationSeconds", 0.04, 0.005, 0.5, "s"),
                        (int) m.number("count", 5, 2, 50, ""), m.number("amplitudeUv", 150, 1, 5000, "uV"));
            }
            case "neurotonic" -> {
                m.onlyKeys(Set.of("at", "type", "channel", "durationSeconds", "rateHz", "amplitudeUv"), type);
                yield new Neurotonic(at, muscleChannel(m), m.number("durationSeconds", 0.05, 3600, "s"),
                        m.number("rateHz", 30, 1, 150, "Hz"), m.number("amplitudeUv", 150, 1, 5000, "uV"));
            }
            case "a-train-cluster" -> {
                m.onlyKeys(Set.of("at", "type", "channels", "durationSeconds", "frequencyHz", "amplitudeUv"), type);
                List<String> channels = m.strings("channels");
                if (channels.size() < 2) {
                    throw m.error("a-train-cluster needs 'channels': at least two muscle channels");
                }
                for (String label : channels) {
                    if (!requireChannel(m, label).isMuscle()) {
                        throw m.error("'" + label + "' is not a muscle channel");
                    }
                }
                yield new ATrainCluster(at, List.copyOf(channels), m.number("durationSeconds", 0.01, 3600, "s"),
                        m.number("frequencyHz", 120, 20, 500, "Hz"), m.number("amplitudeUv", 150, 1, 5000, "uV"));
            }
            case "screw-threshold" -> {
                m.onlyKeys(Set.of("at", "type", "site", "thresholdMa", "muscle", "muscles"), type);
                String id = m.text("site");
                StimSite site = StimSite.parse(id);
                if (site.type() != StimSite.Type.SCREW) {
                    throw m.error(m.value("site"), "'" + id + "' is not a screw site such as screw.L4.left");
                }
                List<String> muscles = new ArrayList<>(m.strings("muscle"));
                muscles.addAll(m.strings("muscles"));
                for (String label : muscles) {
                    if (Montage.byLabel(label).filter(MontageChannel::isMuscle).isEmpty()) {
                        throw m.error("'" + label + "' is not a muscle channel of the montage");
                    }
                }
                if (muscles.isEmpty() && ScrewModel.rootMuscles(site.level()).isEmpty()) {
                    throw m.error("the simulator has no default muscles for level " + site.level()
                            + "; name them with 'muscle:' (channel labels)");
                }
                yield new ScrewThreshold(at, id, m.number("thresholdMa", 0.1, 100, "mA"), muscles);
            }
            case "cautery" -> {
                m.onlyKeys(Set.of("at", "type", "durationSeconds", "channel", "channels"), type);
                List<String> channels = new ArrayList<>(m.strings("channel"));
                channels.addAll(m.strings("channels"));
                for (String label : channels) {
                    requireChannel(m, label);
                }
                yield new Cautery(at, m.number("durationSeconds", 0.05, 600, "s"), channels);
            }
            case "lead-off" -> {
                m.onlyKeys(Set.of("at", "type", "channel", "durationSeconds", "mode"), type);
                String mode = m.text("mode", "flat");
                if (!mode.equals("flat") && !mode.equals("rail")) {
                    throw m.error(m.value("mode"), "'mode' must be flat or rail, was '" + mode + "'");
                }
                String channel = m.text("channel");
                requireChannel(m, channel);
                yield new LeadOff(at, channel, m.number("durationSeconds", 0, 0.01, MAX_DURATION_S, "s"), mode.equals("rail"));
            }
            case "lead-on" -> {
                m.onlyKeys(Set.of("at", "type", "channel"), type);
                String channel = m.text("channel");
                requireChannel(m, channel);
                yield new LeadOn(at, channel);
            }
            case "burst-suppression" -> {
                m.onlyKeys(Set.of("at", "type", "enabled", "suppressionPercent", "annotateSuppressions"), type);
                if (!m.has("enabled")) {
                    throw m.error("burst-suppression needs 'enabled: true' or 'enabled: false'");
                }
                yield new BurstSuppression(at, m.bool("enabled", false), m.number("suppressionPercent", 70, 5, 95, "%"),
                        m.bool("annotateSuppressions", false));
            }
            case "alpha-change" -> {
                m.onlyKeys(Set.of("at", "type", "hemisphere", "amplitudePercent", "deltaMicrovolts", "fastPercent", "rampSeconds"),
                        type);
                String h = m.text("hemisphere");
                Side side = switch (h) {
                    case "left" -> Side.LEFT;
                    case "right" -> Side.RIGHT;
                    case "both" -> Side.MIDLINE;
                    default -> throw m.error(m.value("hemisphere"), "'hemisphere' must be left, right or both, was '" + h + "'");
                };
                yield new AlphaChange(at, side, m.number("amplitudePercent", -100, 400, "%"),
                        m.number("deltaMicrovolts", 0, 0, 300, "uV"), m.number("fastPercent", 0, -100, 400, "%"), ramp(m));
            }
            case "note" -> {
                m.onlyKeys(Set.of("at", "type", "text"), type);
                yield new Note(at, m.text("text"));
            }
            default -> throw m.error(m.value("type"), "unknown event type '" + type + "'; known: " + String.join(", ", EVENT_TYPES));
        };
    }

    private double ramp(YamlMap m) {
        return m.number("rampSeconds", 0, 0, 3600, "s");
    }

    private String muscleChannel(YamlMap m) {
        String label = m.text("channel");
        MontageChannel c = requireChannel(m, label);
        if (!c.isMuscle()) {
            throw m.error(m.value("channel"), "'" + label + "' is not a muscle channel");
        }
        return label;
    }

    private MontageChannel requireChannel(YamlMap m, String label) {
        return Montage.byLabel(label).orElseThrow(() -> m.error("unknown channel '" + label + "'; the montage has "
                + String.join(", ", Montage.labels())));
    }
}
