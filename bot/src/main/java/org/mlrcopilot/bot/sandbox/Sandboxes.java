package org.mlrcopilot.bot.sandbox;

import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.SandboxConfig;
import org.mlrcopilot.config.SlurmConfig;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.auto.SandboxSelector;
import org.mlrcopilot.sandbox.slurm.SlurmSettings;

/** Turns the sandbox slice of the configuration into the sandbox module's settings, limits and backend. */
public final class Sandboxes {

    private Sandboxes() {}

    public static SandboxSettings settings(MlrConfig config) {
        SandboxConfig c = config.sandbox();
        String outbound = c.network().equals("none") ? "bridge" : c.network();
        return new SandboxSettings(
                c.image(),
                c.rootfs(),
                c.tmpfsBytes(),
                c.maxWorkspaceBytes(),
                c.nofile(),
                c.fsizeBytes(),
                c.gpus(),
                c.runtime(),
                outbound,
                config.secretValues());
    }

    public static Limits limits(SandboxConfig c) {
        return new Limits(c.timeout(), c.memoryBytes(), c.cpus(), c.pidsLimit(), c.outputLimitBytes(), c.maxFiles());
    }

    /** Experiments get no network unless sandbox.network names one. */
    public static NetworkPolicy network(SandboxConfig c) {
        return c.network().equals("none") ? NetworkPolicy.NONE : NetworkPolicy.OUTBOUND;
    }

    public static SandboxSelector.Selection select(MlrConfig config) {
        return select(config, config.sandbox().backend());
    }

    /** The backend {@code backend} with the configuration's settings. */
    public static SandboxSelector.Selection select(MlrConfig config, String backend) {
        return SandboxSelector.select(
                backend,
                settings(config),
                config.sandbox().allowUnsafeProcess(),
                backend.equalsIgnoreCase("slurm") ? slurm(config) : null);
    }

    /**
     * The Slurm settings; the jobs' label names this installation (host and data directory), so a restarted
     * service cancels what its previous life left and nobody else's jobs.
     */
    public static SlurmSettings slurm(MlrConfig config) {
        SlurmConfig s = config.sandbox().slurm();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String where = config.store().dataDir().toAbsolutePath().normalize().toString();
        String label =
                ("mlr-copilot@" + host.replaceAll("[^A-Za-z0-9._-]", "") + ":" + Integer.toHexString(where.hashCode()));
        SlurmSettings.Rest rest = s.restUrl().isBlank()
                ? null
                : new SlurmSettings.Rest(
                        java.net.URI.create(s.restUrl()),
                        s.restUser().isBlank() ? System.getProperty("user.name") : s.restUser(),
                        s.restToken().isPresent() ? s.restToken().reveal() : "");
        return new SlurmSettings(
                s.sharedDir(),
                s.partition(),
                s.account(),
                s.qos(),
                s.wrapper(),
                s.poll(),
                label.length() > 120 ? label.substring(0, 120) : label,
                rest);
    }
}
