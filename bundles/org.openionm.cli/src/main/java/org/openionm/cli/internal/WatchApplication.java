package org.openionm.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.CaseModelListener;
import org.openionm.readingroom.ConnectionState;
import org.openionm.readingroom.ReadingRoom;
import org.openionm.readingroom.SequenceGap;
import org.openionm.readingroom.Topics;

/**
 * {@code openionm watch}: a headless reader. Follows the named cases (or every live case it may see)
 * and writes one JSON object per line for every alarm, event, measurement and chat message received —
 * in arrival order (a case joined mid-way: its history may follow the first live lines), each sequence number once — plus a line per gap and per
 * change of connection. Ends after {@code --duration} seconds or {@code --count} message lines.
 */
public class WatchApplication extends Command {

    static final String USAGE = "usage: openionm watch " + BrokerOptions.USAGE + " [--case <id>]... --json <out.jsonl|->"
            + " [--duration <s>] [--count N]";

    private static final Set<String> WRITTEN = Set.of(Topics.ALARM, Topics.EVENT, Topics.MEASUREMENT, Topics.CHAT);

    @Override
    String name() {
        return "watch";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        Set<String> known = new HashSet<>(BrokerOptions.NAMES);
        known.addAll(Set.of("case", "json", "duration", "count"));
        Arguments a = Arguments.parse(args, known);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        BrokerSettings broker = BrokerOptions.from(a, "reader-" + ProcessHandle.current().pid());
        String json = a.required("json");
        double duration = a.number("duration", Double.POSITIVE_INFINITY, 0.1, Double.POSITIVE_INFINITY);
        long count = (long) a.number("count", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        List<String> cases = a.values("case");
        for (String c : cases) {
            try {
                Topics.checkCaseId(c);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        BrokerOptions.requireReadingRoom(name());

        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CaseModelListener listener = new CaseModelListener() {
            @Override
            public void received(CaseModel model, CaseMessage message) {
                if (WRITTEN.contains(message.stream())) {
                    lines.add(message.toJson());
                }
            }

            @Override
            public void gap(CaseModel model, SequenceGap gap) {
                lines.add(String.format(java.util.Locale.ROOT, "{\"case\":\"%s\",\"gap\":{\"stream\":\"%s\",\"first\":%d,\"last\":%d}}",
                        model.caseId(), gap.stream(), gap.first(), gap.last()));
            }

            @Override
            public void connectionChanged(CaseModel model, ConnectionState state) {
                lines.add(String.format("{\"case\":\"%s\",\"connection\":{\"connected\":%s,\"lostSince\":%s}}", model.caseId(),
                        state.connected(), state.lostSince() == null ? "null" : "\"" + state.lostSince() + "\""));
            }
        };
        long end = Double.isInfinite(duration) ? Long.MAX_VALUE : System.nanoTime() + (long) (duration * 1e9);
        try (ReadingRoom room = ReadingRoom.connect(broker); BufferedWriter out = writer(json)) {
            Set<String> following = new HashSet<>();
            long written = 0;
            long nextLook = 0;
            while (System.nanoTime() < end && written < count) {
                if (System.nanoTime() > nextLook) {
                    for (String c : cases.isEmpty() ? room.liveCases().keySet() : cases) {
                        if (following.add(c)) {
                            room.open(c).addListener(listener);
                        }
                    }
                    nextLook = System.nanoTime() + 500_000_000L;
                }
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                while (line != null) {
                    out.write(line);
                    out.newLine();
                    if (!line.contains("\"gap\":") && !line.contains("\"connection\":")) {
                        written++;
                    }
                    line = written < count ? lines.poll() : null;
                }
                out.flush();
            }
            if (!room.lastError().isEmpty() && !room.connected()) {
                throw new IllegalStateException("broker " + broker.uri() + ": " + room.lastError());
            }
            return 0;
        }
    }

    private static BufferedWriter writer(String json) throws IOException {
        if ("-".equals(json)) {
            return new BufferedWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        }
        return Files.newBufferedWriter(Path.of(json), StandardCharsets.UTF_8);
    }
}
