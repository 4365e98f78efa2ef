package org.mlrcopilot.bot.service;

import java.io.PrintStream;
import org.mlrcopilot.bot.chat.slack.SlackPlatform;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.SlackConfig;

/** Slack from the configuration: on when a bot token is set, in http mode (events at POST /slack/events). */
final class SlackSetup {

    private SlackSetup() {
    }

    static SlackPlatform platform(MlrConfig config, PrintStream report) {
        SlackConfig s = config.slack();
        if (!s.botToken().isPresent()) {
            return null;
        }
        if (!s.mode().equals("http")) {
            report.println("slack: OFF: Socket Mode is not in this release; set MLR_SLACK_MODE=http and point the "
                    + "app's event and interactivity URLs at https://<this host>/slack/events");
            return null;
        }
        if (!s.signingSecret().isPresent()) {
            report.println("slack: OFF: http mode needs SLACK_SIGNING_SECRET to verify Slack's requests");
            return null;
        }
        report.println("slack: http mode, events at POST /slack/events, Web API " + s.apiUrl()
                + (s.channels().isEmpty() ? ", answering mentions" : ", watching " + String.join(", ", s.channels())));
        return new SlackPlatform(s.apiUrl(), s.botToken().reveal(), s.signingSecret().reveal(), s.channels(),
                "http://" + config.web().bindAddress() + ":" + config.web().port());
    }
}
