package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.DISCORD_APPROVER_ROLE;
import static org.mlrcopilot.config.Key.DISCORD_BOT_TOKEN;
import static org.mlrcopilot.config.Key.DISCORD_CHANNELS;

import java.util.List;

/** The Discord connection. */
public record DiscordConfig(List<String> channels, String approverRole, Secret botToken) {

    public DiscordConfig {
        DISCORD_CHANNELS.require(channels);
        DISCORD_APPROVER_ROLE.require(approverRole);
        DISCORD_BOT_TOKEN.require(botToken);
        channels = List.copyOf(channels);
    }

    static DiscordConfig from(Values v) {
        return new DiscordConfig(v.list(DISCORD_CHANNELS), v.text(DISCORD_APPROVER_ROLE), v.secret(DISCORD_BOT_TOKEN));
    }
}
