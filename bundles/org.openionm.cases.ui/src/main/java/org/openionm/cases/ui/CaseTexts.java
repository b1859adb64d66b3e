package org.openionm.cases.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.CaseWorkbench.RecordingStatus;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.User;

/** What the status bar and the parts write about a case, a recording and a user: one place, tested without SWT. */
final class CaseTexts {

    static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private CaseTexts() {
    }

    /** How a status field is coloured: normal, recording (red), a problem (alarm colour), the demo user (amber). */
    enum Tone { NORMAL, RECORDING, PROBLEM, DEMO }

    record Styled(String text, Tone tone) {
    }

    /** "J.D. · MRN 123456 · posterior spinal fusion T10–L2" (a demo case says "DEMO ·" first), or "No case". */
    static String caseText(Optional<MonitoringCase> current) {
        return current.map(c -> (c.demo() ? "DEMO · " : "") + c.label()).orElse("No case");
    }

    /**
     * "● REC 12.4 MB · ≈ 3 h 10 min disk" while recording; a problem ("disk full: …", "about 40 min of
     * recording left") replaces the disk estimate and takes the alarm colour. Sizes in MB of 10^6 bytes,
     * as file managers show them.
     */
    static Styled recordingText(RecordingStatus s, boolean caseOpen) {
        String problem = s.problem() == null ? "" : s.problem().trim();
        if (s.active()) {
            String size = String.format(Locale.ROOT, "● REC %.1f MB", s.bytes() / 1e6);
            if (!problem.isEmpty()) {
                return new Styled(size + " · " + problem, Tone.PROBLEM);
            }
            String disk = Double.isNaN(s.secondsLeftOnDisk()) ? "" : " · ≈ " + duration(s.secondsLeftOnDisk()) + " disk";
            return new Styled(size + disk, Tone.RECORDING);
        }
        if (!problem.isEmpty()) {
            return new Styled("Not recording: " + problem, Tone.PROBLEM);
        }
        return new Styled(caseOpen ? "Not recording (no acquisition)" : "Not recording", Tone.NORMAL);
    }

    /** "3 h 10 min", "40 min", "< 1 min". */
    static String duration(double seconds) {
        long minutes = (long) Math.floor(seconds / 60);
        if (minutes < 1) {
            return "< 1 min";
        }
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }

    /**
     * "Jane Roe, CNIM", "Demo technologist (not a real user)", "(locked)" when locked, or "Not logged in"; no
     * "User:" prefix, so the status bar holds every field in one row at 1600 px (the tooltip says what it is).
     */
    static Styled userText(CaseWorkbench workbench) {
        if (workbench == null) {
            return new Styled("Cases not installed", Tone.NORMAL);
        }
        Optional<User> user = workbench.session().user();
        if (user.isEmpty()) {
            return new Styled("Not logged in", Tone.NORMAL);
        }
        User u = user.get();
        String name = !u.demo() ? u.signature()
                : u.displayName().contains("not a real user") ? u.displayName() : u.displayName() + " (not a real user)";
        String text = name + (workbench.session().locked() ? " (locked)" : "");
        return new Styled(text, u.demo() ? Tone.DEMO : Tone.NORMAL);
    }

    /** Case time as hh:mm:ss, "--:--:--" when no acquisition was running (NaN). */
    static String caseTime(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "--:--:--";
        }
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static String wallClock(Instant at) {
        return WALL_CLOCK.format(at.atZone(ZoneId.systemDefault()));
    }

    static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}
