package org.openionm.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quick event templates the event-entry part offers as buttons, per procedure type: the
 * procedure's surgical steps first (in the order they happen), then the anesthesia and monitoring
 * entries every case needs, and "Surgeon informed" last. A procedure type is matched by words in
 * its name ("carotid", "thyroid", "tumour"…), so a site's own type names ("lumbar fusion L4–S1") find
 * their templates; an unknown type gets the common entries only.
 *
 * @since 0.2.0
 */
public final class QuickEvents {

    /**
     * One quick event.
     *
     * @param label the button text
     * @param preset field values filled in by the template
     * @param text the entry's text filled in by the template (for types without a field for it, e.g. a
     *        "Shunt in" note), usually empty
     * @param toFill the type's fields the user completes before the entry is logged (the screw's level
     *        and side); when empty a click logs the entry at once
     * @since 0.2.0
     */
    public record QuickEvent(String label, EventType type, Map<String, String> preset, String text, List<String> toFill) {

        public QuickEvent {
            preset = Map.copyOf(preset);
            text = text == null ? "" : text;
            toFill = List.copyOf(toFill);
            for (String f : preset.keySet()) {
                if (!type.fields().contains(f)) {
                    throw new IllegalArgumentException(type.label() + " has no field '" + f + "' (fields: " + type.fields() + ")");
                }
            }
            for (String f : toFill) {
                if (!type.fields().contains(f)) {
                    throw new IllegalArgumentException(type.label() + " has no field '" + f + "' (fields: " + type.fields() + ")");
                }
            }
        }

        /** Whether a click logs it without asking for more (nothing to fill). */
        public boolean immediate() {
            return toFill.isEmpty();
        }
    }

    /** The "surgeon informed" template: who was told, by whom and the response, all to fill. */
    public static final QuickEvent SURGEON_INFORMED = new QuickEvent("Surgeon informed", EventType.SURGEON_INFORMED,
            Map.of(), "", List.of("informed", "by", "response"));

    private static final List<QuickEvent> SPINE = List.of(
            q("Positioning (prone)", EventType.POSITIONING, Map.of("position", "prone")),
            q("Incision", EventType.INCISION, Map.of()),
            new QuickEvent("Screw placement", EventType.SCREW_PLACEMENT, Map.of(), "", List.of("level", "side")),
            new QuickEvent("Rod placement", EventType.ROD_PLACEMENT, Map.of(), "", List.of("side")),
            q("Correction", EventType.CORRECTION, Map.of()),
            q("Distraction", EventType.DISTRACTION, Map.of()),
            q("Closure", EventType.CLOSURE, Map.of()));

    private static final List<QuickEvent> CERVICAL = List.of(
            q("Positioning (prone)", EventType.POSITIONING, Map.of("position", "prone")),
            q("Incision", EventType.INCISION, Map.of()),
            q("Decompression", EventType.RESECTION, Map.of("detail", "decompression")),
            new QuickEvent("Screw placement", EventType.SCREW_PLACEMENT, Map.of(), "", List.of("level", "side")),
            q("Closure", EventType.CLOSURE, Map.of()));

    private static final List<QuickEvent> CAROTID = List.of(
            q("Positioning (supine)", EventType.POSITIONING, Map.of("position", "supine, head turned")),
            q("Incision", EventType.INCISION, Map.of()),
            q("Clamp on", EventType.CLAMP_ON, Map.of("vessel", "internal carotid")),
            new QuickEvent("Shunt in", EventType.NOTE, Map.of(), "shunt in", List.of()),
            q("Clamp off", EventType.CLAMP_OFF, Map.of("vessel", "internal carotid")),
            q("Closure", EventType.CLOSURE, Map.of()));

    private static final List<QuickEvent> TUMOUR = List.of(
            q("Positioning", EventType.POSITIONING, Map.of()),
            q("Incision", EventType.INCISION, Map.of()),
            q("Resection started", EventType.RESECTION, Map.of("detail", "started")),
            new QuickEvent("Resection", EventType.RESECTION, Map.of(), "", List.of("detail")),
            q("Resection finished", EventType.RESECTION, Map.of("detail", "finished")),
            q("Closure", EventType.CLOSURE, Map.of()));

    private static final List<QuickEvent> THYROID = List.of(
            q("Positioning (neck extended)", EventType.POSITIONING, Map.of("position", "supine, neck extended")),
            q("Incision", EventType.INCISION, Map.of()),
            new QuickEvent("Nerve identified", EventType.NOTE, Map.of(), "recurrent laryngeal nerve identified", List.of()),
            q("Lobe resected", EventType.RESECTION, Map.of("detail", "lobe")),
            q("Closure", EventType.CLOSURE, Map.of()));

    /** Anesthesia and monitoring entries every case offers, after the procedure's own. */
    private static final List<QuickEvent> COMMON = List.of(
            new QuickEvent("Bolus", EventType.BOLUS, Map.of(), "", List.of("drug", "dose")),
            new QuickEvent("TIVA change", EventType.ANESTHETIC, Map.of(), "", List.of("tiva")),
            new QuickEvent("TOF count", EventType.NEUROMUSCULAR_BLOCKADE, Map.of(), "", List.of("tof")),
            new QuickEvent("Electrode re-applied", EventType.ELECTRODE_REAPPLIED, Map.of(), "", List.of("electrode")));

    private QuickEvents() {
    }

    private static QuickEvent q(String label, EventType type, Map<String, String> preset) {
        return new QuickEvent(label, type, preset, "", List.of());
    }

    /** The quick events for a procedure type (any text; case and extra words do not matter), "Surgeon informed" last. */
    public static List<QuickEvent> forProcedure(String procedureType) {
        String t = procedureType == null ? "" : procedureType.toLowerCase(Locale.ROOT);
        List<QuickEvent> all = new ArrayList<>(procedureSteps(t));
        all.addAll(COMMON);
        all.add(SURGEON_INFORMED);
        return List.copyOf(all);
    }

    private static List<QuickEvent> procedureSteps(String t) {
        if (t.contains("carotid")) {
            return CAROTID;
        }
        if (t.contains("thyroid") || t.contains("parathyroid")) {
            return THYROID;
        }
        if (t.contains("tumour") || t.contains("tumor") || t.contains("cpa") || t.contains("schwannoma")
                || t.contains("resection")) {
            return TUMOUR;
        }
        if (t.contains("cervical") || t.contains("decompression")) {
            return CERVICAL;
        }
        if (t.contains("spin") || t.contains("fusion") || t.contains("scoliosis") || t.contains("lumbar")
                || t.contains("thoracic")) {
            return SPINE;
        }
        return List.of();
    }
}
