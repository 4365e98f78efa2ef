package org.mlrcopilot.bot.service;

import org.mlrcopilot.config.MlrConfig;

/** The service's start-up checks, for tests in other packages. */
public final class ServiceStart {

    private ServiceStart() {}

    public static void check(MlrConfig config) {
        BotService.refuseUnguardedExposure(config);
    }
}
