package org.openionm.cli.internal;

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
 * annotations no rule recognised). Computed after a replay from what the engine delivered and what
 * the processors produced; pure, so it is tested without OSGi.
 */
final class InputWarnings {

    private InputWarnings() {
    }

    /**
     * @param channels         the recording's channels with the roles they were given
     * @param acceptedRoles    each installed processor's accepted roles, by processor id
     * @param stimuli          stimuli the recording delivered (recognised as such)
     * @param otherAnnotations texts of the annotations that were neither stimuli nor technical
     * @param results          measurements, averages and events each processor produced, by id
     */
    static List<String> of(List<Channel> channels, Map<String, Set<ChannelRole>> acceptedRoles, long stimuli,
            List<String> otherAnnotations, Map<String, Long> results) {
        List<String> out = new ArrayList<>();
        if (stimuli == 0 && !otherAnnotations.isEmpty()) {
            Map<String, Integer> byText = new LinkedHashMap<>();
            otherAnnotations.forEach(t -> byText.merge(t, 1, Integer::sum));
            String common = byText.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            out.add(String.format(Locale.ROOT, "no stimuli recognised: %d annotations like '%s' did not match any stimulus"
                    + " rule — write a protocol, see docs/protocol.md", otherAnnotations.size(), common));
        } else if (stimuli == 0) {
            out.add("no stimuli recognised: the recording has no stimulus annotations, so no evoked potential can be"
                    + " averaged (free-running EMG and EEG need none)");
        }
        Map<String, List<String>> usable = new LinkedHashMap<>();
        acceptedRoles.forEach((id, roles) -> usable.put(id,
                channels.stream().filter(c -> roles.contains(c.role())).map(Channel::label).toList()));
        if (usable.values().stream().allMatch(List::isEmpty)) {
            Set<String> found = new TreeSet<>();
            channels.forEach(c -> found.add(c.role().id()));
            Set<String> wanted = new TreeSet<>();
            acceptedRoles.values().forEach(rs -> rs.forEach(r -> wanted.add(r.id())));
            out.add(String.format(Locale.ROOT, "no channel has a role a processor accepts: the %d channels have roles %s,"
                    + " the processors accept %s — map the labels to roles with a protocol, see docs/protocol.md",
                    channels.size(), found, wanted));
        }
        usable.forEach((id, labels) -> {
            if (!labels.isEmpty() && results.getOrDefault(id, 0L) == 0) {
                out.add(String.format(Locale.ROOT, "processor '%s' never produced a result, although it accepts %d channel(s)"
                        + " (%s)", id, labels.size(), String.join(", ", labels.subList(0, Math.min(5, labels.size())))
                        + (labels.size() > 5 ? ", …" : "")));
            }
        });
        return out;
    }
}
