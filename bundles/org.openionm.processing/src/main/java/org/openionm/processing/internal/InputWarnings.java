package org.openionm.processing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/**
 * What makes a recording unusable for the installed processors, said in words a new user can act
 * on (issue 17: "0 measurements, 0 alarm events" and exit 0 said nothing about the 1877 stimulus
 * annotations no rule recognised). `analyze` computes them after a replay, the workbench while a
 * recording plays ({@link InputWatch}); pure, so it is tested without OSGi.
 */
public final class InputWarnings {

    private InputWarnings() {
    }

    /**
     * All warnings, as `analyze` writes them after the whole recording.
     *
     * @param channels         the recording's channels with the roles they were given
     * @param acceptedRoles    each installed processor's accepted roles, by processor id
     * @param stimuli          stimuli the recording delivered (recognised as such)
     * @param otherAnnotations texts of the annotations that were neither stimuli nor technical
     * @param results          measurements, averages and events each processor produced, by id
     */
    public static List<String> of(List<Channel> channels, Map<String, Set<ChannelRole>> acceptedRoles, long stimuli,
            List<String> otherAnnotations, Map<String, Long> results) {
        List<String> out = new ArrayList<>();
        stimuli(stimuli, otherAnnotations).ifPresent(out::add);
        roles(channels, acceptedRoles).ifPresent(out::add);
        out.addAll(silentProcessors(channels, acceptedRoles, results));
        return out;
    }

    /** No stimulus recognised, with how many annotations no stimulus rule matched and the commonest text. */
    public static java.util.Optional<String> stimuli(long stimuli, List<String> otherAnnotations) {
        if (stimuli > 0) {
            return java.util.Optional.empty();
        }
        if (otherAnnotations.isEmpty()) {
            return java.util.Optional.of("no stimuli recognised: the recording has no stimulus annotations, so no evoked"
                    + " potential can be averaged (free-running EMG and EEG need none)");
        }
        Map<String, Long> byText = new LinkedHashMap<>();
        otherAnnotations.forEach(t -> byText.merge(t, 1L, Long::sum));
        return stimuli(stimuli, byText);
    }

    /** As {@link #stimuli(long, List)}, from the annotations counted by text. */
    public static java.util.Optional<String> stimuli(long stimuli, Map<String, Long> annotationsByText) {
        if (stimuli > 0) {
            return java.util.Optional.empty();
        }
        if (annotationsByText.isEmpty()) {
            return stimuli(stimuli, List.of());
        }
        long total = annotationsByText.values().stream().mapToLong(Long::longValue).sum();
        String common = annotationsByText.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return java.util.Optional.of(String.format(Locale.ROOT, "no stimuli recognised: %d annotations like '%s' did not"
                + " match any stimulus rule — write a protocol, see docs/protocol.md", total, common));
    }

    /** No channel has a role any processor accepts: the roles found and the roles accepted. */
    public static java.util.Optional<String> roles(List<Channel> channels, Map<String, Set<ChannelRole>> acceptedRoles) {
        if (!usable(channels, acceptedRoles).values().stream().allMatch(List::isEmpty)) {
            return java.util.Optional.empty();
        }
        Set<String> found = new TreeSet<>();
        channels.forEach(c -> found.add(c.role().id()));
        Set<String> wanted = new TreeSet<>();
        acceptedRoles.values().forEach(rs -> rs.forEach(r -> wanted.add(r.id())));
        return java.util.Optional.of(String.format(Locale.ROOT, "no channel has a role a processor accepts: the %d channels"
                + " have roles %s, the processors accept %s — map the labels to roles with a protocol, see docs/protocol.md",
                channels.size(), found, wanted));
    }

    /** Processors that accept channels of the recording but produced nothing. */
    public static List<String> silentProcessors(List<Channel> channels, Map<String, Set<ChannelRole>> acceptedRoles,
            Map<String, Long> results) {
        List<String> out = new ArrayList<>();
        usable(channels, acceptedRoles).forEach((id, labels) -> {
            if (!labels.isEmpty() && results.getOrDefault(id, 0L) == 0) {
                out.add(String.format(Locale.ROOT, "processor '%s' never produced a result, although it accepts %d channel(s)"
                        + " (%s)", id, labels.size(), String.join(", ", labels.subList(0, Math.min(5, labels.size())))
                        + (labels.size() > 5 ? ", …" : "")));
            }
        });
        return out;
    }

    private static Map<String, List<String>> usable(List<Channel> channels, Map<String, Set<ChannelRole>> acceptedRoles) {
        Map<String, List<String>> usable = new LinkedHashMap<>();
        acceptedRoles.forEach((id, roles) -> usable.put(id,
                channels.stream().filter(c -> roles.contains(c.role())).map(Channel::label).toList()));
        return usable;
    }

    /**
     * Each installed modality processor's accepted channel roles, by id, as the service registry seen
     * from {@code context} holds them (empty without a context): what {@code analyze} and the
     * workbench's input warnings compare the channels with.
     */
    public static Map<String, Set<ChannelRole>> acceptedRoles(org.osgi.framework.BundleContext context) {
        Map<String, Set<ChannelRole>> out = new java.util.TreeMap<>();
        if (context == null) {
            return out;
        }
        try {
            for (var ref : context.getServiceReferences(org.openionm.core.processing.ModalityProcessor.class, null)) {
                var p = context.getService(ref);
                try {
                    if (p != null) {
                        out.put(p.id(), p.acceptedRoles());
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
