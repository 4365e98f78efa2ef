package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A size- and inode-limited tmpfs mounted over a directory of this host, so a workspace copy cannot hold more
 * files or bytes than allowed, whoever writes into it. Only for a service running as root with the right to
 * mount; where mounting fails once, it is not tried again and the callers watch the copy instead. The mounts are
 * named after this process ({@code mlr-workspace-<pid>}); the first mount of a process unmounts those whose process
 * is gone (it died with runs in flight).
 */
final class Tmpfs {

    private static final Logger LOG = LoggerFactory.getLogger(Tmpfs.class);
    private static final String SOURCE = "mlr-workspace-";
    private static volatile boolean unusable = !"root".equals(System.getProperty("user.name"));
    private static volatile boolean swept;

    private Tmpfs() {}

    /** Mounts a tmpfs of at most {@code sizeBytes} and {@code inodes} inodes (its root included) on {@code dir}. */
    static boolean mount(Path dir, long sizeBytes, long inodes) {
        if (unusable) {
            return false;
        }
        if (!swept) {
            swept = true;
            unmountOrphans();
        }
        String options = "size=" + sizeBytes + ",nr_inodes=" + inodes + ",mode=0755,nosuid,nodev";
        String source = SOURCE + ProcessHandle.current().pid();
        if (run(List.of("mount", "-t", "tmpfs", "-o", options, source, dir.toString()))) {
            return true;
        }
        unusable = true;
        LOG.info("cannot mount a tmpfs for sandbox workspaces here; the workspace limits are watched instead "
                + "of enforced by the kernel");
        return false;
    }

    /** Unmounts the workspace tmpfs mounts of processes that are gone, and removes their directories. */
    static void unmountOrphans() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/mounts"));
        } catch (IOException e) {
            return;
        }
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length < 3 || !f[0].startsWith(SOURCE) || !f[2].equals("tmpfs")) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(f[0].substring(SOURCE.length()));
            } catch (NumberFormatException e) {
                continue;
            }
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            Path dir = Path.of(f[1].replace("\\040", " "));
            LOG.info("unmounting the workspace tmpfs {} of a process that is gone", dir);
            unmount(dir);
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // not empty or busy: left as it is
            }
        }
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
