package org.openionm.readingroom.cases;

import java.util.List;

/**
 * How many readers' lines arrived since the technologist last looked at the chat: the count a part's
 * tab shows ("Chat (2)") so an incoming line is noticed without being an alarm. Lines are counted by
 * position in {@link OrChat#lines()} (a list that only grows while a case is open); a different case
 * starts from zero.
 *
 * @since 0.2.0
 */
public final class ChatUnread {

    private String caseId;
    private int seen;

    /** Readers' lines after the last {@link #markRead} of the same case. */
    public synchronized int unread(String caseId, List<ChatLine> lines) {
        int from = java.util.Objects.equals(caseId, this.caseId) ? Math.min(seen, lines.size()) : 0;
        int n = 0;
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).fromReader()) {
                n++;
            }
        }
        return n;
    }

    /** The technologist has seen every line so far. */
    public synchronized void markRead(String caseId, List<ChatLine> lines) {
        this.caseId = caseId;
        this.seen = lines.size();
    }

    /** The label of a part or tab: "Chat" or "Chat (3)". */
    public static String label(String base, int unread) {
        return unread > 0 ? base + " (" + unread + ")" : base;
    }
}
