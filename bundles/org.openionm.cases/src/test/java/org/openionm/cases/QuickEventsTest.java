package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.cases.QuickEvents.QuickEvent;

class QuickEventsTest {

    private static List<String> labels(String procedure) {
        return QuickEvents.forProcedure(procedure).stream().map(QuickEvent::label).toList();
    }

    private static QuickEvent find(String procedure, String label) {
        return QuickEvents.forProcedure(procedure).stream().filter(q -> q.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not offered for " + procedure + ": " + labels(procedure)));
    }

    private static final List<String> COMMON = List.of("Bolus", "TIVA change", "TOF count", "Electrode re-applied",
            "Surgeon informed");

    @Test
    void spineOffersItsStepsInSurgicalOrderThenTheCommonEntries() {
        assertEquals(List.of("Positioning (prone)", "Incision", "Screw placement", "Rod placement", "Correction",
                "Distraction", "Closure", "Bolus", "TIVA change", "TOF count", "Electrode re-applied", "Surgeon informed"),
                labels("posterior spinal fusion"));
        assertEquals(labels("posterior spinal fusion"), labels("Scoliosis correction"), "matched by words, any case");
    }

    @Test
    void aScrewAsksForLevelAndSideWhileAnIncisionIsLoggedAtOnce() {
        QuickEvent screw = find("posterior spinal fusion", "Screw placement");
        assertEquals(EventType.SCREW_PLACEMENT, screw.type());
        assertEquals(List.of("level", "side"), screw.toFill());
        assertFalse(screw.immediate());
        QuickEvent incision = find("posterior spinal fusion", "Incision");
        assertEquals(EventType.INCISION, incision.type());
        assertTrue(incision.immediate());
        assertEquals(Map.of("position", "prone"), find("posterior spinal fusion", "Positioning (prone)").preset());
    }

    @Test
    void carotidHasClampOnOffOnTheInternalCarotidAndAShuntNote() {
        QuickEvent on = find("carotid endarterectomy", "Clamp on");
        assertEquals(EventType.CLAMP_ON, on.type());
        assertEquals(Map.of("vessel", "internal carotid"), on.preset());
        assertEquals(EventType.CLAMP_OFF, find("carotid endarterectomy", "Clamp off").type());
        QuickEvent shunt = find("carotid endarterectomy", "Shunt in");
        assertEquals("shunt in", shunt.text());
        assertTrue(labels("carotid endarterectomy").indexOf("Clamp on") < labels("carotid endarterectomy").indexOf("Clamp off"));
        assertFalse(labels("carotid endarterectomy").contains("Screw placement"));
    }

    @Test
    void tumourCpaAndThyroidHaveTheirOwnSteps() {
        assertEquals(EventType.RESECTION, find("CPA/vestibular schwannoma", "Resection").type());
        assertEquals(List.of("detail"), find("intramedullary tumour", "Resection").toFill());
        assertEquals(EventType.RESECTION, find("thyroidectomy", "Lobe resected").type());
        assertEquals(EventType.RESECTION, find("cervical decompression", "Decompression").type());
    }

    @Test
    void everyProcedureAndAnUnknownOneEndWithTheCommonEntriesAndSurgeonInformed() {
        for (String p : List.of("posterior spinal fusion", "carotid endarterectomy", "thyroidectomy", "intramedullary tumour",
                "CPA/vestibular schwannoma", "cervical decompression", "something the site invented", "")) {
            List<String> l = labels(p);
            assertEquals(COMMON, l.subList(l.size() - COMMON.size(), l.size()), p);
        }
        assertEquals(COMMON, labels("something the site invented"));
        QuickEvent informed = find("thyroidectomy", "Surgeon informed");
        assertEquals(EventType.SURGEON_INFORMED, informed.type());
        assertEquals(List.of("informed", "by", "response"), informed.toFill());
        QuickEvent tof = find("", "TOF count");
        assertEquals(EventType.NEUROMUSCULAR_BLOCKADE, tof.type());
        assertEquals(List.of("tof"), tof.toFill());
    }

    @Test
    void aTemplateNamingAFieldItsTypeDoesNotHaveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QuickEvent("Bad", EventType.INCISION, Map.of("level", "L4"), "", List.of()));
        assertEquals("Incision has no field 'level' (fields: [])", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new QuickEvent("Bad", EventType.CLAMP_ON, Map.of(), "", List.of("side")));
    }
}
