package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/** Issue 17: what `analyze` says about a recording it cannot use, in words a new user can act on. */
class InputWarningsTest {

    static final Map<String, Set<ChannelRole>> ROLES = Map.of("ssep",
            Set.of(ChannelRole.SSEP_CORTICAL, ChannelRole.SSEP_SUBCORTICAL, ChannelRole.SSEP_PERIPHERAL), "mep",
            Set.of(ChannelRole.MEP_MUSCLE));

    static Channel channel(int i, String label, ChannelRole role) {
        return new Channel(i, label, Channel.MICROVOLT, 5000, -3200, 3200, role);
    }

    @Test
    void unrecognisedStimulusAnnotationsAreCountedAndNamed() {
        List<String> annotations = new ArrayList<>(Collections.nCopies(1877, "Stim L median"));
        annotations.add("incision");
        List<String> w = InputWarnings.of(List.of(channel(0, "CP4-Fpz", ChannelRole.SSEP_CORTICAL)), ROLES, 0, annotations,
                Map.of());
        assertEquals(List.of("no stimuli recognised: 1878 annotations like 'Stim L median' did not match any stimulus rule"
                + " — write a protocol, see docs/protocol.md",
                "processor 'ssep' never produced a result, although it accepts 1 channel(s) (CP4-Fpz)"), w);
    }

    @Test
    void noChannelWithAnAcceptedRoleNamesTheRoles() {
        List<String> w = InputWarnings.of(List.of(channel(0, "C3-A2", ChannelRole.EEG), channel(1, "Status", ChannelRole.OTHER)),
                ROLES, 12, List.of(), Map.of());
        assertEquals(List.of("no channel has a role a processor accepts: the 2 channels have roles [eeg, other], the"
                + " processors accept [mep.muscle, ssep.cortical, ssep.peripheral, ssep.subcortical] — map the labels to"
                + " roles with a protocol, see docs/protocol.md"), w);
    }

    @Test
    void aUsableRecordingGivesNoWarning() {
        assertEquals(List.of(), InputWarnings.of(List.of(channel(0, "CP4-Fpz", ChannelRole.SSEP_CORTICAL)), ROLES, 500,
                List.of("incision"), Map.of("ssep", 40L)));
    }
}
