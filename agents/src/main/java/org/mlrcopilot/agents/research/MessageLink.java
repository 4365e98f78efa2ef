package org.mlrcopilot.agents.research;

/**
 * A chat message the bot posted (or the user message that started a research), and what it stands for, so that a
 * reaction or reply to it finds its research after a restart.
 *
 * @param platform  "web", "slack", "discord"
 * @param channel   the platform's channel id
 * @param messageId the platform's message id
 * @param thread    the platform's thread id the message lives in
 * @param role      "root" (the user's message), "status", "brief", "hypothesis:H1", "run:&lt;id&gt;",
 *                  "question:&lt;runId&gt;", "result:&lt;runId&gt;"
 */
public record MessageLink(String platform, String channel, String messageId, String thread, String researchId,
                          String role) {

    public MessageLink {
        Ids.require(platform, "platform");
        Ids.require(channel, "channel");
        Ids.require(messageId, "messageId");
        Ids.require(thread, "thread");
        Ids.require(researchId, "researchId");
        Ids.require(role, "role");
    }
}
