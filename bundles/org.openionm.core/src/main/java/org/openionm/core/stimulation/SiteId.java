package org.openionm.core.stimulation;

import java.util.Objects;
import java.util.Optional;

/**
 * A stimulation-site id in one of the forms OpenIONM writes: a peripheral nerve
 * {@code <nerve>.<left|right>} ({@code median.left}), a transcranial montage
 * {@code tcmep.<anode><cathode>} ({@code tcmep.C3C4}, electrodes in 10-20 names), or a pedicle screw
 * {@code screw.<T1–T12|L1–L5|S1–S2>.<left|right>} ({@code screw.L4.left}). Only the spelling lives
 * here; what a site means (which limb a nerve is, which muscles a montage excites) stays in the
 * modality that uses it. Ids are plain strings elsewhere ({@code PeriodicStimulation},
 * {@code StimulusEvent}), because recordings made elsewhere may name their sites as they like.
 *
 * @since 0.2.0
 */
public sealed interface SiteId permits SiteId.Nerve, SiteId.Transcranial, SiteId.PedicleScrew {

    /** Body side of a nerve or screw, or head side of an electrode. */
    enum Side {
        LEFT, RIGHT;

        /** {@code left} or {@code right}, as ids write it. */
        public String token() {
            return this == LEFT ? "left" : "right";
        }

        public Side opposite() {
            return this == LEFT ? RIGHT : LEFT;
        }
    }

    /** The id as written, e.g. {@code median.left}. */
    String id();

    /** A peripheral nerve, e.g. {@code median.left}: {@code nerve} is lower-case letters. */
    record Nerve(String nerve, Side side) implements SiteId {
        public Nerve {
            Objects.requireNonNull(side, "side");
            if (nerve == null || !SiteIdGrammar.NERVE.matcher(nerve).matches() || SiteIdGrammar.isFamily(nerve)) {
                throw new IllegalArgumentException("nerve name must be lower-case letters (not tcmep or screw), was '"
                        + nerve + "'");
            }
        }

        @Override
        public String id() {
            return nerve + "." + side.token();
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * A transcranial montage, e.g. {@code tcmep.C3C4}: anode first. Electrodes are 10-20 names: an
     * upper-case letter, optionally a lower-case one, then a digit 1–9 (odd left, even right) or
     * {@code z} (midline), e.g. {@code C3}, {@code Cz}, {@code Fpz}.
     */
    record Transcranial(String anode, String cathode) implements SiteId {
        public Transcranial {
            if (anode == null || cathode == null || !SiteIdGrammar.ELECTRODE.matcher(anode).matches()
                    || !SiteIdGrammar.ELECTRODE.matcher(cathode).matches()) {
                throw new IllegalArgumentException("electrodes must be 10-20 names such as C3 or Cz, were '" + anode + "' and '"
                        + cathode + "'");
            }
        }

        /** Anode and cathode, e.g. {@code C3C4}: how the field names a montage. */
        public String montage() {
            return anode + cathode;
        }

        /** Head side of the anode: odd digit left, even right; empty for a midline ({@code z}) anode. */
        public Optional<Side> anodeSide() {
            char last = anode.charAt(anode.length() - 1);
            return last == 'z' ? Optional.empty() : Optional.of((last - '0') % 2 == 1 ? Side.LEFT : Side.RIGHT);
        }

        @Override
        public String id() {
            return SiteIdGrammar.TCMEP + "." + montage();
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** A pedicle screw, e.g. {@code screw.L4.left}: level T1–T12, L1–L5 or S1–S2. */
    record PedicleScrew(String level, Side side) implements SiteId {
        public PedicleScrew {
            Objects.requireNonNull(side, "side");
            if (level == null || !SiteIdGrammar.LEVEL.matcher(level).matches()) {
                throw new IllegalArgumentException("screw level must be T1–T12, L1–L5 or S1–S2, was '" + level + "'");
            }
        }

        @Override
        public String id() {
            return SiteIdGrammar.SCREW + "." + level + "." + side.token();
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** The accepted forms, for messages. */
    String FORMS = "<nerve>.<left|right> (e.g. median.left), tcmep.<anode><cathode> (e.g. tcmep.C3C4)"
            + " or screw.<T1-T12|L1-L5|S1-S2>.<left|right> (e.g. screw.L4.left)";

    /**
     * The site an id names.
     *
     * @throws IllegalArgumentException naming the id and the accepted forms when it is in none of them
     */
    static SiteId parse(String id) {
        return SiteIdGrammar.parse(id).orElseThrow(() -> new IllegalArgumentException(
                "malformed stimulation site id '" + id + "'; use " + FORMS));
    }

    /** The site an id names, empty for an id in none of the forms (a site named by another system). */
    static Optional<SiteId> tryParse(String id) {
        return SiteIdGrammar.parse(id);
    }
}
