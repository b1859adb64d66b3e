package org.openionm.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmKey;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

class ActiveCountPublisherTest {

    private static AlarmCondition tcmep(double t, String channel, boolean active, String values) {
        return new AlarmCondition(t, "tcmep", "C3/C4", channel, "amplitude decrease > 80 % (MacDonald 2017)",
                Priority.HIGH, active, values, "baseline", new Provenance("tcmep 0.1.0", Map.of()));
    }

    @Test
    void postsTheCountOnlyWhenItChanges() {
        DefaultAlarmManager manager = new DefaultAlarmManager();
        List<Integer> posted = new ArrayList<>();
        manager.addListener(new ActiveCountPublisher(posted::add));

        manager.onCondition(tcmep(1, "APB", true, "-85 %"));
        manager.onCondition(tcmep(2, "APB", true, "-90 %")); // refresh: same count
        manager.onCondition(tcmep(3, "TA", true, "-95 %"));
        manager.acknowledge(new AlarmKey("tcmep", "C3/C4", "TA", "amplitude decrease > 80 % (MacDonald 2017)"),
                "tech1", 4, ""); // acknowledged alarms still count
        manager.onCondition(tcmep(5, "TA", false, "-20 %")); // acknowledged then cleared: closed

        assertEquals(List.of(1, 2, 1), posted);
    }
}
