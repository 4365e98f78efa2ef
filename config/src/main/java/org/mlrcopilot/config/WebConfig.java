package org.mlrcopilot.config;

/** The bot's web interface. */
public record WebConfig(int port, String bindAddress) {

    public WebConfig {
        Key.WEB_PORT.require(port);
        Key.WEB_BIND_ADDRESS.require(bindAddress);
    }

    static WebConfig from(Values v) {
        return new WebConfig(v.integer(Key.WEB_PORT), v.text(Key.WEB_BIND_ADDRESS));
    }
}
