package org.mlrcopilot.config;

import java.util.List;

/**
 * The bot's web interface.
 *
 * @param auth         none (one person, loopback only), local (accounts) or proxy (an authenticating proxy)
 * @param allowedHosts host names the service is reached by, besides localhost and web.publicUrl's
 * @param metricsToken the bearer token /metrics requires, unset for none
 * @param oidc         single sign-on through an OpenID Connect provider, off when its issuer is empty
 */
public record WebConfig(
        int port,
        String bindAddress,
        String publicUrl,
        String auth,
        List<String> allowedHosts,
        Secret metricsToken,
        OidcConfig oidc) {

    /** Without single sign-on. */
    public WebConfig(
            int port,
            String bindAddress,
            String publicUrl,
            String auth,
            List<String> allowedHosts,
            Secret metricsToken) {
        this(port, bindAddress, publicUrl, auth, allowedHosts, metricsToken, OidcConfig.off());
    }

    public WebConfig {
        Key.WEB_PORT.require(port);
        Key.WEB_BIND_ADDRESS.require(bindAddress);
        Key.WEB_PUBLIC_URL.require(publicUrl);
        Key.WEB_AUTH.require(auth);
        allowedHosts = List.copyOf(allowedHosts);
        Key.WEB_METRICS_TOKEN.require(metricsToken);
        java.util.Objects.requireNonNull(oidc, "oidc");
    }

    /** The web view's base address for links people follow from a chat, without a trailing slash. */
    public String publicBase() {
        return publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
    }

    /** Whether the bind address is this machine only. */
    public boolean loopback() {
        return bindAddress.equals("localhost") || bindAddress.startsWith("127.") || bindAddress.equals("::1");
    }

    static WebConfig from(Values v) {
        return new WebConfig(
                v.integer(Key.WEB_PORT),
                v.text(Key.WEB_BIND_ADDRESS),
                v.text(Key.WEB_PUBLIC_URL),
                v.text(Key.WEB_AUTH),
                v.list(Key.WEB_ALLOWED_HOSTS),
                v.secret(Key.WEB_METRICS_TOKEN),
                OidcConfig.from(v));
    }
}
