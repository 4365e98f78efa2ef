package org.mlrcopilot.agents.research;

import java.time.Instant;
import java.util.Objects;

/**
 * One paper dropped in a chat and everything the bot does with it.
 *
 * @param id        short unique id, e.g. "r-3f9a2c"
 * @param link      the link as the requester wrote it
 * @param requester who posted it (platform user id)
 * @param team      the team (workspace, guild or "web") whose budget pays for it
 * @param platform  the chat platform it lives on ("web", "slack", "discord")
 * @param detail    one line on what is happening, shown in the status message
 * @param title     the paper's title once read, "" before
 */
public record Research(
        String id,
        String link,
        String requester,
        String team,
        String platform,
        ResearchStatus status,
        String detail,
        String title,
        Instant createdAt,
        Instant updatedAt) {

    public Research {
        ResearchIds.require(id, "id");
        ResearchIds.require(link, "link");
        ResearchIds.require(requester, "requester");
        ResearchIds.require(team, "team");
        ResearchIds.require(platform, "platform");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Research with(ResearchStatus next, String nextDetail, Instant at) {
        return new Research(id, link, requester, team, platform, next, nextDetail, title, createdAt, at);
    }

    public Research titled(String paperTitle) {
        return new Research(id, link, requester, team, platform, status, detail, paperTitle, createdAt, updatedAt);
    }
}
