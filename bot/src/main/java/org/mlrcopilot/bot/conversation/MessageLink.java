package org.mlrcopilot.bot.conversation;

import java.util.Objects;

/**
 * A chat message the bot posted (or the user message that started a research), and what it stands for, so that a
 * reaction or reply to it finds its research after a restart.
 *
 * @param platform  "web", "slack", "discord"
 * @param channel   the platform's channel id
 * @param messageId the platform's message id
 * @param thread    the platform's thread id the message lives in
 * @param role      what the message stands for
 */
public record MessageLink(
        String platform, String channel, String messageId, String thread, String researchId, MessageRole role) {

    public MessageLink {
        require(platform, "platform");
        require(channel, "channel");
        require(messageId, "messageId");
        require(thread, "thread");
        require(researchId, "researchId");
        Objects.requireNonNull(role, "role");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
