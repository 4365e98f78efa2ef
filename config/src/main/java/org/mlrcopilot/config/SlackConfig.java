package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.SLACK_API_URL;
import static org.mlrcopilot.config.Key.SLACK_APP_TOKEN;
import static org.mlrcopilot.config.Key.SLACK_BOT_TOKEN;
import static org.mlrcopilot.config.Key.SLACK_CHANNELS;
import static org.mlrcopilot.config.Key.SLACK_MODE;
import static org.mlrcopilot.config.Key.SLACK_SIGNING_SECRET;

import java.util.List;

/** The Slack connection: socket mode connects out with the app token, http mode receives signed events. */
public record SlackConfig(
        String mode, String apiUrl, List<String> channels, Secret botToken, Secret appToken, Secret signingSecret) {

    public SlackConfig {
        SLACK_MODE.require(mode);
        SLACK_API_URL.require(apiUrl);
        SLACK_CHANNELS.require(channels);
        SLACK_BOT_TOKEN.require(botToken);
        SLACK_APP_TOKEN.require(appToken);
        SLACK_SIGNING_SECRET.require(signingSecret);
        channels = List.copyOf(channels);
    }

    static SlackConfig from(Values v) {
        return new SlackConfig(
                v.text(SLACK_MODE),
                v.text(SLACK_API_URL),
                v.list(SLACK_CHANNELS),
                v.secret(SLACK_BOT_TOKEN),
                v.secret(SLACK_APP_TOKEN),
                v.secret(SLACK_SIGNING_SECRET));
    }
}
