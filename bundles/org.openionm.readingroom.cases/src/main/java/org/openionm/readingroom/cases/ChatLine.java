package org.openionm.readingroom.cases;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.openionm.cases.CaseEvent;
import org.openionm.cases.EventType;

/**
 * One line of the chat between the OR and the reading room, as the OR shows it: case time (s on the
 * case clock; NaN when nothing was acquiring), who wrote it, whether a reader wrote it (an incoming
 * line) or the OR, and the text. Every line is also a Note in the case's event log ("Reading room chat,
 * dr-smith: …") carrying the {@link #FROM_FIELD} and {@link #AUTHOR_FIELD} fields, so the chat can be
 * read back from the log after a restart.
 *
 * @since 0.2.0
 */
public record ChatLine(double caseSeconds, String author, boolean fromReader, String text, boolean inEventLog) {

    /** The prefix of a chat line's note in the event log (the reader side's wording since 0.2.0). */
    public static final String NOTE_PREFIX = "Reading room chat, ";
    /** Event-log field of a chat note: "reader" or "or". */
    public static final String FROM_FIELD = "chat-from";
    /** Event-log field of a chat note: the author's user name (a reader's, or the technologist's). */
    public static final String AUTHOR_FIELD = "chat-author";

    public ChatLine {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    /** The note text of a line: "Reading room chat, dr-smith: text". */
    public static String noteText(String author, String text) {
        return NOTE_PREFIX + author + ": " + text;
    }

    /** The chat line an event-log entry holds, if it is a chat note. */
    public static Optional<ChatLine> of(CaseEvent e) {
        String from = e.fields().get(FROM_FIELD);
        String author = e.fields().get(AUTHOR_FIELD);
        if (e.type() != EventType.NOTE || from == null || author == null) {
            return Optional.empty();
        }
        String prefix = NOTE_PREFIX + author + ": ";
        String text = e.text().startsWith(prefix) ? e.text().substring(prefix.length()) : e.text();
        return Optional.of(new ChatLine(e.caseTimeSeconds(), author, "reader".equals(from), text, true));
    }

    /** "00:12:03 dr-smith: text", case time as hh:mm:ss ("--:--:--" when not acquiring). */
    public String display() {
        return clock(caseSeconds) + " " + author + ": " + text;
    }

    /** Case time as hh:mm:ss (hours keep counting past 24); "--:--:--" for NaN or negative times. */
    public static String clock(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
            return "--:--:--";
        }
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
