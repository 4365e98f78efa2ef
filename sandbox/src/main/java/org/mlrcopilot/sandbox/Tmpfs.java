package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A size- and inode-limited tmpfs mounted over a directory of this host, so a workspace copy cannot hold more
 * files or bytes than allowed, whoever writes into it. Only for a service running as root with the right to
 * mount; where mounting fails once, it is not tried again and the callers watch the copy instead.
 */
final class Tmpfs {

    private static final Logger LOG = LoggerFactory.getLogger(Tmpfs.class);
    private static volatile boolean unusable = !"root".equals(System.getProperty("user.name"));

    private Tmpfs() {}

    /** Mounts a tmpfs of at most {@code sizeBytes} and {@code inodes} inodes (its root included) on {@code dir}. */
    static boolean mount(Path dir, long sizeBytes, long inodes) {
        if (unusable) {
            return false;
        }
        String options = "size=" + sizeBytes + ",nr_inodes=" + inodes + ",mode=0755,nosuid,nodev";
        if (run(List.of("mount", "-t", "tmpfs", "-o", options, "mlr-workspace", dir.toString()))) {
            return true;
        }
        unusable = true;
        LOG.info("cannot mount a tmpfs for sandbox workspaces here; the workspace limits are watched instead "
                + "of enforced by the kernel");
        return false;
    }

    /** Unmounts (lazily when busy); the files on it are gone. */
    static void unmount(Path dir) {
        if (!run(List.of("umount", dir.toString()))) {
            run(List.of("umount", "-l", dir.toString()));
        }
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
