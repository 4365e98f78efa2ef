package org.mlrcopilot.bot.conversation;

import java.util.Optional;

/**
 * Where each research lives in the chats: the messages the bot posted (and the ones that started researches) with
 * what they stand for, and the inbound events already handled. Every write is committed when the call returns.
 */
public interface ThreadLinks {

    /** Records an inbound event id; false when it was recorded before (a duplicate to ignore). */
    boolean firstTime(String eventId);

    /** Records a message; the same (platform, channel, messageId) again replaces it. */
    void link(MessageLink link);

    Optional<MessageLink> message(String platform, String channel, String messageId);

    /** The latest message of the research with that role. */
    Optional<MessageLink> messageFor(String researchId, MessageRole role);

    /** The research a thread belongs to. */
    Optional<String> researchOfThread(String platform, String channel, String thread);
}
