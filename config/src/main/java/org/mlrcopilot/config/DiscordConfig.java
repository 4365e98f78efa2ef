package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.DISCORD_API_URL;
import static org.mlrcopilot.config.Key.DISCORD_APPROVER_ROLE;
import static org.mlrcopilot.config.Key.DISCORD_BOT_TOKEN;
import static org.mlrcopilot.config.Key.DISCORD_CHANNELS;
import static org.mlrcopilot.config.Key.DISCORD_GATEWAY_URL;

import java.util.List;

/** The Discord connection: the bot connects out to the gateway and calls the REST API with its token. */
public record DiscordConfig(
        String apiUrl, String gatewayUrl, List<String> channels, String approverRole, Secret botToken) {

    public DiscordConfig {
        DISCORD_API_URL.require(apiUrl);
        DISCORD_GATEWAY_URL.require(gatewayUrl);
        DISCORD_CHANNELS.require(channels);
        DISCORD_APPROVER_ROLE.require(approverRole);
        DISCORD_BOT_TOKEN.require(botToken);
        channels = List.copyOf(channels);
    }

    static DiscordConfig from(Values v) {
        return new DiscordConfig(
                v.text(DISCORD_API_URL),
                v.text(DISCORD_GATEWAY_URL),
                v.list(DISCORD_CHANNELS),
                v.text(DISCORD_APPROVER_ROLE),
                v.secret(DISCORD_BOT_TOKEN));
    }
}
