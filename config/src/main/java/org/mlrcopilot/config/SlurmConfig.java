package org.mlrcopilot.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The Slurm backend ({@code sandbox.backend=slurm}): where jobs stage their workspaces, where they go, how they are
 * confined on the node, how often they are looked at.
 */
public record SlurmConfig(
        Path sharedDir,
        String partition,
        String account,
        String qos,
        String wrapper,
        Duration poll,
        String restUrl,
        String restUser,
        Secret restToken) {

    public SlurmConfig {
        Key.SANDBOX_SLURM_SHARED_DIR.require(sharedDir);
        Key.SANDBOX_SLURM_PARTITION.require(partition);
        Key.SANDBOX_SLURM_ACCOUNT.require(account);
        Key.SANDBOX_SLURM_QOS.require(qos);
        Key.SANDBOX_SLURM_WRAPPER.require(wrapper);
        Key.SANDBOX_SLURM_POLL.require(poll);
        Key.SANDBOX_SLURM_REST_URL.require(restUrl);
        Key.SANDBOX_SLURM_REST_USER.require(restUser);
        Key.SANDBOX_SLURM_REST_TOKEN.require(restToken);
    }

    public static SlurmConfig defaults() {
        return new SlurmConfig(
                Path.of("/var/lib/mlr-copilot/slurm"),
                "",
                "",
                "",
                "bwrap",
                Duration.ofSeconds(2),
                "",
                "",
                Secret.none());
    }

    static SlurmConfig from(Values v) {
        return new SlurmConfig(
                v.path(Key.SANDBOX_SLURM_SHARED_DIR),
                v.text(Key.SANDBOX_SLURM_PARTITION),
                v.text(Key.SANDBOX_SLURM_ACCOUNT),
                v.text(Key.SANDBOX_SLURM_QOS),
                v.text(Key.SANDBOX_SLURM_WRAPPER),
                v.duration(Key.SANDBOX_SLURM_POLL),
                v.text(Key.SANDBOX_SLURM_REST_URL),
                v.text(Key.SANDBOX_SLURM_REST_USER),
                v.secret(Key.SANDBOX_SLURM_REST_TOKEN));
    }
}
