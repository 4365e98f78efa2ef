package org.mlrcopilot.bot.service;

import java.io.PrintStream;
import org.mlrcopilot.bot.chat.slack.SlackPlatform;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.SlackConfig;

/** Slack from the configuration: on when a bot token is set; Socket Mode (default) or http mode. */
final class SlackSetup {

    private SlackSetup() {}

    static SlackPlatform platform(MlrConfig config, PrintStream report) {
        SlackConfig s = config.slack();
        if (!s.botToken().isPresent()) {
            return null;
        }
        String web = config.web().publicBase();
        if (s.mode().equals("socket")) {
            if (!s.appToken().isPresent()) {
                report.println("slack: OFF: Socket Mode needs the app-level token SLACK_APP_TOKEN (xapp-..., scope "
                        + "connections:write), or set MLR_SLACK_MODE=http with SLACK_SIGNING_SECRET");
                return null;
            }
            report.println("slack: Socket Mode, Web API " + s.apiUrl() + watching(s));
            return new SlackPlatform(
                    s.apiUrl(),
                    s.botToken().reveal(),
                    s.signingSecret().isPresent() ? s.signingSecret().reveal() : null,
                    s.channels(),
                    web,
                    Papers.policy(config.fetch()));
        }
        if (!s.signingSecret().isPresent()) {
            report.println("slack: OFF: http mode needs SLACK_SIGNING_SECRET to verify Slack's requests");
            return null;
        }
        report.println("slack: http mode, events at POST /slack/events, Web API " + s.apiUrl() + watching(s));
        return new SlackPlatform(
                s.apiUrl(),
                s.botToken().reveal(),
                s.signingSecret().reveal(),
                s.channels(),
                web,
                Papers.policy(config.fetch()));
    }

    /** Connects Socket Mode after the platform was added to the conversation (its handlers are registered). */
    static void connect(MlrConfig config, SlackPlatform slack) {
        if (config.slack().mode().equals("socket")) {
            slack.connect(config.slack().appToken().reveal());
        }
    }

    private static String watching(SlackConfig s) {
        return s.channels().isEmpty() ? ", answering mentions" : ", watching " + String.join(", ", s.channels());
    }
}
