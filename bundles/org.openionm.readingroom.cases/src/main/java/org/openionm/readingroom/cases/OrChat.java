package org.openionm.readingroom.cases;

import java.util.List;
import java.util.Optional;

/**
 * The OR's side of the reading-room chat (a DS service of the workbench): the chat lines of the case
 * the workbench publishes, readers' and the OR's, in order; {@link #send} answers as the logged-in
 * user. Every line is a Note in the case's event log. When the workbench does not publish (no
 * {@code openionm.readingroom.publish}) or no case is open, {@link #unavailable()} says why in words.
 *
 * @since 0.2.0
 */
public interface OrChat {

    /** "" when chatting is possible; otherwise why not (no broker configured, no case open). */
    String unavailable();

    /** The case whose chat this is, when one is published. */
    Optional<String> caseId();

    /** The open case's chat lines, oldest first (readers' lines in order of arrival, the OR's in order of sending). */
    List<ChatLine> lines();

    /**
     * Sends a line to the readers of the open case as the logged-in user and enters it in the case's
     * event log. Throws {@code IllegalStateException} (no case published, nobody logged in or the
     * session locked) or {@code IllegalArgumentException} (an empty line) with a message for the user.
     */
    ChatLine send(String text);

    /** Called (on any thread) whenever the lines or the availability changed. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
