package org.mlrcopilot.config;

/** The bot's web interface. */
public record WebConfig(int port, String bindAddress, String publicUrl) {

    public WebConfig {
        Key.WEB_PORT.require(port);
        Key.WEB_BIND_ADDRESS.require(bindAddress);
        Key.WEB_PUBLIC_URL.require(publicUrl);
    }

    /** The web view's base address for links people follow from a chat, without a trailing slash. */
    public String publicBase() {
        return publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
    }

    static WebConfig from(Values v) {
        return new WebConfig(v.integer(Key.WEB_PORT), v.text(Key.WEB_BIND_ADDRESS), v.text(Key.WEB_PUBLIC_URL));
    }
}
