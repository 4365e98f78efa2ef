package org.mlrcopilot.bot.chat;

/** A message: its channel, its id, and the thread it lives in (its own id for a root message). */
public record MessageRef(String channel, String messageId, String threadId) {

    public MessageRef {
        if (channel == null || channel.isBlank() || messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a message needs a channel and an id: " + channel + "/" + messageId);
        }
        threadId = threadId == null || threadId.isBlank() ? messageId : threadId;
    }

    public ThreadRef thread() {
        return new ThreadRef(channel, threadId);
    }
}
