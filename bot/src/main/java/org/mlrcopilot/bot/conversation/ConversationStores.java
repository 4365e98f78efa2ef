package org.mlrcopilot.bot.conversation;

import java.util.Objects;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunStore;
import org.mlrcopilot.agents.usage.UsageStore;

/**
 * What the conversation reads and writes, port by port: researches, runs, where each lives in the chats, and the
 * model usage it reports.
 */
public record ConversationStores(ResearchStore researches, RunStore runs, ThreadLinks links, UsageStore usage) {

    public ConversationStores {
        Objects.requireNonNull(researches, "researches");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(usage, "usage");
    }
}
