package org.mlrcopilot.config;

/** The bot's web interface. */
public record WebConfig(int port) {

    public WebConfig {
        Key.WEB_PORT.require(port);
    }

    static WebConfig from(Values v) {
        return new WebConfig(v.integer(Key.WEB_PORT));
    }
}
