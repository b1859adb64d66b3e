package org.openionm.driver.edf.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.driver.DriverOption;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfFormatException;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;
import org.openionm.io.edf.EdfWriter;
import org.openionm.io.edf.HealthAnnotations;
import org.openionm.io.edf.StimulusAnnotations;
import org.osgi.service.component.annotations.Component;

/**
 * Plays an EDF, EDF+, BDF or BDF+ file as if it were an amplifier (option {@code file}).
 * <p>
 * The file decides the channels and the rate: the configured sampling rate is not used, and the
 * configured channel count is a maximum — the first {@code min(data signals, channelCount)} signals
 * are played, so a 32-channel file can be reviewed on 8 traces. All data signals must share one
 * rate, as in an acquisition. Samples are converted to µV from the physical dimension (mV, V, nV).
 * <p>
 * Blocks of about 10 ms start at sample 0 and follow the file's clock: EDF+D jumps and the spans
 * OpenIONM's writer padded ("NO DATA (padding)") are skipped, so the engine reports them as gaps
 * rather than playing invented samples. "STIM …" annotations become stimuli and the others
 * annotations (ground truth for "TRUTH …", technical for the writer's own notes), each handed on
 * just before the block that contains its sample.
 */
@Component(service = AmplifierDriver.class)
public class EdfPlaybackDriver implements AmplifierDriver {

    public static final String ID = "edf";
    static final String FILE_OPTION = "file";
    static final String PROTOCOL_OPTION = "protocol";
    static final String START_OPTION = "start";
    static final int MAX_CHANNELS = 256;
    static final double MAX_RATE_HZ = 100_000;
    static final double BLOCK_SECONDS = 0.010;
    /** Samples read from the file at once and then cut into blocks. */
    private static final double CHUNK_SECONDS = 0.5;

    private static final System.Logger LOG = System.getLogger(EdfPlaybackDriver.class.getName());

    private Plan plan;
    /** The transport of the running (or last) playback. */
    private volatile FilePlayback transport;

    /**
     * What configure found, checked again by run in case the file changed in between. {@code startSeconds}:
     * where the playback begins (the clock still counts from the recording's start: the part before is a gap).
     */
    private record Plan(Path file, double rate, int samplesPerRecord, List<Channel> channels, double[] toMicrovolts,
            boolean realTime, Protocol protocol, double startSeconds) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "EDF+/BDF playback";
    }

    /** A recording plays at the rate it was recorded at; the configured rate is not used. */
    @Override
    public boolean samplingRateFromSource() {
        return true;
    }

    @Override
    public DriverCapabilities capabilities() {
        // generous: the file, not the device, sets the limits
        return new DriverCapabilities(MAX_CHANNELS, MAX_RATE_HZ, List.of());
    }

    @Override
    public List<DriverOption> options() {
        return List.of(new DriverOption(FILE_OPTION, "Recording", DriverOption.Kind.FILE, List.of(), "",
                "An EDF, EDF+, BDF or BDF+ file to play back as if it came from an amplifier."),
                new DriverOption(PROTOCOL_OPTION, "Protocol", DriverOption.Kind.FILE, List.of(), "",
                        "Optional: maps the file's channel labels and stimulus annotations to OpenIONM roles and sites"
                                + " (docs/protocol.md)."),
                new DriverOption(START_OPTION, "Start at (s)", DriverOption.Kind.NUMBER, List.of(), "0",
                        "Recording second to begin at; the part before is played as a gap, so case time stays"
                                + " recording time."));
    }

    /**
     * Pause, seek and speed of the playback (issue 16). A real-time acquisition plays at 1×, a replay
     * (file analysis) as fast as the consumers take it; either can be changed while it plays.
     */
    @Override
    public Optional<org.openionm.core.driver.PlaybackControl> playback() {
        return Optional.ofNullable(transport);
    }

    @Override
    public synchronized List<Channel> configure(AcquisitionConfig config) {
        capabilities().check(config);
        String name = config.option(FILE_OPTION, "").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("option file: choose an EDF, EDF+, BDF or BDF+ file to play");
        }
        Path file = Path.of(name);
        String protocolName = config.option(PROTOCOL_OPTION, "").strip();
        Protocol protocol = protocolName.isEmpty() ? Protocol.NONE : ProtocolParser.parse(Path.of(protocolName));
        double start = startSeconds(config.option(START_OPTION, "0"));
        try (EdfReader reader = EdfReader.open(file)) {
            Plan p = plan(file, reader, config.channelCount(), config.realTime(), protocol, start);
            checkStimulusGroups(reader, protocol);
            this.plan = p;
            return p.channels();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("option file: " + file + " does not exist", e);
        } catch (EdfFormatException e) {
            throw new IllegalArgumentException("option file: " + file + " is not a valid EDF/BDF file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("option file: cannot read " + file + ": " + e, e);
        }
    }

    private static double startSeconds(String text) {
        String t = text.strip();
        try {
            double s = t.isEmpty() ? 0 : Double.parseDouble(t);
            if (s >= 0 && Double.isFinite(s)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("option start: a recording second >= 0, was '" + text + "'");
    }

    /** A protocol group that does not read in some annotation is said now, not halfway through the replay. */
    private static void checkStimulusGroups(EdfReader reader, Protocol protocol) {
        if (protocol.stimuli().isEmpty()) {
            return;
        }
        for (EdfAnnotation a : reader.annotations()) {
            if (StimulusAnnotations.parse(a.text(), 0).isEmpty()) {
                try {
                    protocol.stimulus(a.text(), 0);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("option protocol: " + e.getMessage() + " (at "
                            + a.onsetSeconds() + " s)", e);
                }
            }
        }
    }

    @Override
    public void run(DriverContext context) throws IOException, InterruptedException {
        Plan p;
        synchronized (this) {
            p = plan;
        }
        if (p == null) {
            throw new IllegalStateException("EDF playback started without configure()");
        }
        try (EdfReader reader = EdfReader.open(p.file())) {
            Plan now = plan(p.file(), reader, p.channels().size(), p.realTime(), p.protocol(), p.startSeconds());
            if (now.samplesPerRecord() != p.samplesPerRecord() || now.channels().size() != p.channels().size()) {
                throw new IllegalStateException(p.file() + " changed since it was configured");
            }
            Playback playback = new Playback(reader, p, context);
            transport = playback.transport;
            playback.play();
        }
    }

    private static Plan plan(Path file, EdfReader reader, int maxChannels, boolean realTime, Protocol protocol,
            double startSeconds) {
        List<EdfSignal> signals = reader.signals();
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("option file: " + file + " has no data signals (annotations only)");
        }
        EdfSignal first = signals.get(0);
        List<String> different = new ArrayList<>();
        for (EdfSignal s : signals) {
            if (s.samplesPerRecord() != first.samplesPerRecord()) {
                different.add(s.label() + " " + rate(s.samplingRateHz()) + " Hz");
            }
        }
        if (!different.isEmpty()) {
            throw new IllegalArgumentException("option file: all data signals must share one sampling rate to play as one"
                    + " amplifier, but " + first.label() + " has " + rate(first.samplingRateHz()) + " Hz and "
                    + String.join(", ", different));
        }
        int n = Math.min(signals.size(), maxChannels);
        List<Channel> channels = new ArrayList<>(n);
        double[] factors = new double[n];
        for (int i = 0; i < n; i++) {
            EdfSignal s = signals.get(i);
            factors[i] = microvoltsPer(s.physicalDimension(), s.label());
            double a = s.physicalMin() * factors[i];
            double b = s.physicalMax() * factors[i];
            String label = s.label().isEmpty() ? "Signal " + (i + 1) : s.label();
            Protocol.ChannelMapping mapped = protocol.channels().get(label);
            channels.add(new Channel(i, mapped != null ? mapped.label() : label, Channel.MICROVOLT, s.samplingRateHz(),
                    Math.min(a, b), Math.max(a, b), mapped != null ? mapped.role() : ChannelRoles.guess(label)));
        }
        List<String> labels = signals.stream().map(EdfSignal::label).toList();
        for (String mapped : protocol.channels().keySet()) {
            if (!labels.contains(mapped)) { // a protocol for another montage must not pass unnoticed
                throw new IllegalArgumentException("the protocol maps channel '" + mapped + "', which " + file.getFileName()
                        + " does not have (it has " + labels + ")");
            }
        }
        if (startSeconds > 0 && startSeconds * first.samplingRateHz() >= lastIndex(reader, first.samplesPerRecord())) {
            throw new IllegalArgumentException("option start: " + startSeconds + " s is past the end of " + file.getFileName());
        }
        return new Plan(file, first.samplingRateHz(), first.samplesPerRecord(), List.copyOf(channels), factors, realTime,
                protocol, startSeconds);
    }

    /** Clock index just after the last stored sample (EDF+D: the last record's start plus its length). */
    private static long lastIndex(EdfReader reader, int samplesPerRecord) {
        List<Double> starts = reader.recordStartSeconds();
        return starts.isEmpty() ? 0 : reader.sampleIndexAt(starts.get(starts.size() - 1)) + samplesPerRecord;
    }

    static double microvoltsPer(String dimension, String label) {
        String d = dimension.strip().toLowerCase(Locale.ROOT);
        switch (d) {
            case "uv", "\u00b5v", "\u03bcv", "":
                return 1;
            case "mv":
                return 1e3;
            case "v":
                return 1e6;
            case "nv":
                return 1e-3;
            default:
                LOG.log(System.Logger.Level.WARNING, "signal {0} has physical dimension ''{1}''; played unscaled as uV",
                        label, dimension);
                return 1;
        }
    }

    private static String rate(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    /** One run through the file. */
    private static final class Playback {
        private final EdfReader reader;
        private final Plan plan;
        private final DriverContext context;
        final FilePlayback transport;
        private final List<long[]> segments = new ArrayList<>(); // {clock start, stored start, length}
        private final List<Event> events = new ArrayList<>();
        private int nextEvent;
        /** Only for a file that carries no amplifier reports of its own; null otherwise. */
        private final SignalHealthDetector detector;

        private record Event(long index, StimulusEvent stimulus, Annotation annotation, DriverHealth health) {
        }

        Playback(EdfReader reader, Plan plan, DriverContext context) {
            this.reader = reader;
            this.plan = plan;
            this.context = context;
            buildSegments();
            long end = segments.isEmpty() ? 0 : segments.get(segments.size() - 1)[0] + segments.get(segments.size() - 1)[2];
            long start = Math.min(end, Math.round(plan.startSeconds() * plan.rate()));
            // live plays at 1x, a replay (file analysis) as fast as the consumers take it
            this.transport = new FilePlayback(plan.file().getFileName().toString(), plan.rate(), start, end,
                    plan.realTime() ? 1 : FilePlayback.AS_FAST_AS_POSSIBLE);
            buildEvents();
            boolean reported = events.stream().anyMatch(e -> e.health() != null);
            this.detector = reported ? null : new SignalHealthDetector(plan.channels(), plan.rate());
        }

        private void buildSegments() {
            List<Double> starts = reader.recordStartSeconds();
            int spr = plan.samplesPerRecord();
            List<long[]> runs = new ArrayList<>();
            for (int r = 0; r < starts.size(); r++) {
                long clock = reader.sampleIndexAt(starts.get(r));
                long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && last[0] + last[2] == clock) {
                    last[2] += spr;
                } else {
                    runs.add(new long[] { clock, (long) r * spr, spr });
                }
            }
            List<long[]> padding = new ArrayList<>();
            for (EdfAnnotation a : reader.annotations()) {
                if (a.text().startsWith(EdfWriter.PADDING_PREFIX)) {
                    long from = reader.sampleIndexAt(a.onsetSeconds());
                    padding.add(new long[] { from, from + Math.round(a.durationSeconds() * plan.rate()) });
                }
            }
            for (long[] run : runs) {
                List<long[]> pieces = new ArrayList<>();
                pieces.add(run);
                for (long[] pad : padding) {
                    List<long[]> cut = new ArrayList<>();
                    for (long[] piece : pieces) {
                        long end = piece[0] + piece[2];
                        if (pad[1] <= piece[0] || pad[0] >= end) {
                            cut.add(piece);
                            continue;
                        }
                        if (pad[0] > piece[0]) {
                            cut.add(new long[] { piece[0], piece[1], pad[0] - piece[0] });
                        }
                        if (pad[1] < end) {
                            cut.add(new long[] { pad[1], piece[1] + (pad[1] - piece[0]), end - pad[1] });
                        }
                    }
                    pieces = cut;
                }
                segments.addAll(pieces);
            }
        }

        private void buildEvents() {
            for (EdfAnnotation a : reader.annotations()) {
                String text = a.text();
                if (text.startsWith(EdfWriter.PADDING_PREFIX)) {
                    continue; // played as a gap
                }
                long index = reader.sampleIndexAt(a.onsetSeconds());
                if (index < 0) {
                    LOG.log(System.Logger.Level.WARNING, "annotation before the first sample not played: {0}", text);
                    continue;
                }
                Optional<StimulusEvent> stimulus = StimulusAnnotations.parse(text, index);
                if (stimulus.isEmpty()) {
                    stimulus = plan.protocol().stimulus(text, index);
                }
                if (stimulus.isPresent()) {
                    events.add(new Event(index, stimulus.get(), null, null));
                    continue;
                }
                Optional<DriverHealth> health = HealthAnnotations.parse(text, index, this::channelIndex);
                if (health.isPresent()) { // the amplifier's report as it was recorded: the same technical alarm again
                    events.add(new Event(index, null, null, health.get()));
                    continue;
                }
                Annotation.Kind kind = Annotation.Kind.CLINICAL;
                if (text.startsWith(EdfWriter.TRUTH_PREFIX)) {
                    kind = Annotation.Kind.GROUND_TRUTH;
                    text = text.substring(EdfWriter.TRUTH_PREFIX.length());
                } else if (text.startsWith(EdfWriter.OUT_OF_RANGE_PREFIX) || text.startsWith(EdfWriter.GAP_PREFIX)
                        || text.startsWith("NO DATA") || text.startsWith(HealthAnnotations.PREFIX)) {
                    kind = Annotation.Kind.TECHNICAL;
                }
                events.add(new Event(index, null, new Annotation(index, a.durationSeconds(), text, kind), null));
            }
            events.sort(Comparator.comparingLong(Event::index)); // stable: file order within one sample
        }

        /**
         * Index of a played channel by the label recorded in the file (renamed by the protocol if it
         * maps it), or −1: a report on a channel not played stays an annotation.
         */
        private int channelIndex(String fileLabel) {
            Protocol.ChannelMapping mapped = plan.protocol().channels().get(fileLabel);
            String label = mapped != null ? mapped.label() : fileLabel;
            List<Channel> played = plan.channels();
            for (int c = 0; c < played.size(); c++) {
                if (played.get(c).label().equals(label)) {
                    return c;
                }
            }
            return -1;
        }

        /**
         * Plays the segments from the transport's position, block by block; before each block it takes a
         * seek (a jump ahead: events in between are dropped with the samples, the engine reports the gap)
         * and after each it waits as the transport says (pause, speed).
         */
        void play() throws IOException, InterruptedException {
            double rate = plan.rate();
            int n = plan.channels().size();
            int blockSize = Math.max(1, (int) Math.round(rate * BLOCK_SECONDS));
            int chunkSize = Math.max(blockSize, (int) Math.round(rate * CHUNK_SECONDS) / blockSize * blockSize);
            long clock = Math.round(transport.positionSeconds() * rate);
            skipEventsBefore(clock);
            long expected = 0; // where the previous block ended: anything else starts after a gap
            int segment = 0;
            while (segment < segments.size()) {
                long[] seg = segments.get(segment);
                long segEnd = seg[0] + seg[2];
                if (clock >= segEnd) {
                    segment++;
                    continue;
                }
                clock = Math.max(clock, seg[0]);
                int chunk = (int) Math.min(chunkSize, segEnd - clock);
                float[][] all = reader.readPhysicalAll(seg[1] + (clock - seg[0]), chunk);
                long jump = -1;
                for (int off = 0; off < chunk; off += blockSize) {
                    if (context.isStopRequested()) {
                        return;
                    }
                    if ((jump = transport.takeSeek()) >= 0) {
                        break;
                    }
                    int size = Math.min(blockSize, chunk - off);
                    long at = clock + off;
                    if (detector != null && at != expected) {
                        detector.gap();
                    }
                    emitEvents(at + size);
                    float[][] data = new float[n][];
                    for (int c = 0; c < n; c++) {
                        double f = plan.toMicrovolts()[c];
                        float[] source = all[c];
                        // µV already (every BDF the recorder writes): a plain copy, not a per-sample
                        // branch (9 % of a case's re-analysis); the same values either way
                        float[] target = data[c] = java.util.Arrays.copyOfRange(source, off, off + size);
                        if (f != 1) {
                            for (int i = 0; i < size; i++) {
                                target[i] = (float) (source[off + i] * f);
                            }
                        }
                    }
                    if (detector != null) {
                        detector.inspect(at, data, context::health);
                    }
                    expected = at + size;
                    transport.delivered(expected); // played so far, this block included
                    context.block(new SampleBlock(at, Math.round(at * 1e9 / rate), data));
                    transport.pace(expected, context::isStopRequested);
                }
                if (jump >= 0) {
                    clock = jump;
                    skipEventsBefore(clock);
                    segment = 0; // the segment holding the target is found from the start
                } else {
                    clock += chunk;
                }
            }
            if (!context.isStopRequested()) {
                emitEvents(Long.MAX_VALUE); // events after the last sample
            }
        }

        /** Events of samples skipped (a start or a seek ahead) are not played: they belong to the gap. */
        private void skipEventsBefore(long index) {
            while (nextEvent < events.size() && events.get(nextEvent).index() < index) {
                nextEvent++;
            }
        }

        private void emitEvents(long before) {
            while (nextEvent < events.size() && events.get(nextEvent).index() < before) {
                Event e = events.get(nextEvent++);
                if (e.stimulus() != null) {
                    context.stimulus(e.stimulus());
                } else if (e.health() != null) {
                    context.health(e.health());
                } else {
                    context.annotation(e.annotation());
                }
            }
        }
    }
}
