package org.mlrcopilot.bot.service;

import java.io.PrintStream;
import org.mlrcopilot.bot.chat.discord.DiscordPlatform;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.config.DiscordConfig;
import org.mlrcopilot.config.MlrConfig;

/** Discord from the configuration: on when a bot token is set. */
final class DiscordSetup {

    private DiscordSetup() {}

    static DiscordPlatform platform(MlrConfig config, PrintStream report) {
        DiscordConfig d = config.discord();
        if (!d.botToken().isPresent()) {
            return null;
        }
        String web = config.web().publicBase();
        report.println("discord: REST " + d.apiUrl() + (d.gatewayUrl().isBlank() ? "" : ", gateway " + d.gatewayUrl())
                + (d.channels().isEmpty() ? ", answering mentions" : ", watching " + String.join(", ", d.channels()))
                + (d.approverRole().isBlank() ? "" : ", approvers: role " + d.approverRole()));
        return new DiscordPlatform(new DiscordPlatform.Settings(
                d.apiUrl(),
                d.gatewayUrl(),
                d.botToken().reveal(),
                d.channels(),
                d.approverRole(),
                web,
                Papers.policy(config.fetch())));
    }

    /** Logs in after the platform was added to the conversation; a refused token turns Discord off, loudly. */
    static boolean connect(DiscordPlatform discord, PrintStream report) {
        try {
            discord.connect();
            return true;
        } catch (RuntimeException e) {
            report.println("discord: OFF: cannot log in (" + e.getMessage() + "). Check DISCORD_BOT_TOKEN (Developer "
                    + "Portal -> your application -> Bot -> Reset Token).");
            discord.stop();
            return false;
        }
    }
}
