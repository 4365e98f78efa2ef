package org.mlrcopilot.bot.sandbox;

import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.SandboxConfig;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.auto.SandboxSelector;

/** Turns the sandbox slice of the configuration into the sandbox module's settings, limits and backend. */
public final class Sandboxes {

    private Sandboxes() {
    }

    public static SandboxSettings settings(MlrConfig config) {
        SandboxConfig c = config.sandbox();
        String outbound = c.network().equals("none") ? "bridge" : c.network();
        return new SandboxSettings(c.image(), c.rootfs(), c.tmpfsBytes(), c.maxWorkspaceBytes(), c.nofile(),
                c.fsizeBytes(), c.gpus(), c.runtime(), outbound, config.secretValues());
    }

    public static Limits limits(SandboxConfig c) {
        return new Limits(c.timeout(), c.memoryBytes(), c.cpus(), c.pidsLimit(), c.outputLimitBytes());
    }

    /** Experiments get no network unless sandbox.network names one. */
    public static NetworkPolicy network(SandboxConfig c) {
        return c.network().equals("none") ? NetworkPolicy.NONE : NetworkPolicy.OUTBOUND;
    }

    public static SandboxSelector.Selection select(MlrConfig config) {
        return SandboxSelector.select(config.sandbox().backend(), settings(config), config.sandbox().allowUnsafeProcess());
    }
}
