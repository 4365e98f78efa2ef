package org.mlrcopilot.bot.http;

import io.javalin.config.RoutesConfig;

/** A part of the service that adds its routes to the HTTP server (the web chat, later Slack's events URL). */
@FunctionalInterface
public interface Routes {

    void register(RoutesConfig routes);
}
