package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.LocalCopy;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;
import org.mlrcopilot.sandbox.WorkspaceWatch;

/**
 * For an engine on this host: the workspace is copied into a private directory owned by the
 * sandbox user (on its own tmpfs, limited in files and bytes, when {@code tmpfs}), and a local
 * volume is backed by that directory. No archive round trips; the copy-back walks the directory
 * without following links.
 */
final class BoundCopyTransfer implements WorkspaceTransfer {

    private final LocalCopy copy;

    BoundCopyTransfer(WorkspaceSnapshot snapshot, int maxFiles, long growBytes, boolean tmpfs) {
        this.copy = tmpfs ? LocalCopy.bounded(snapshot, maxFiles, growBytes) : LocalCopy.of(snapshot);
        try {
            copy.chown(65534, 65534);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    @Override
    public String createVolume(DockerClient client, String name, Map<String, String> labels) {
        return client.createVolumeCmd()
                .withName(name)
                .withLabels(labels)
                .withDriver("local")
                .withDriverOpts(
                        Map.of("type", "none", "o", "bind", "device", copy.dir().toString()))
                .exec()
                .getName();
    }

    @Override
    public void fill(DockerClient client, String containerId) {
        // the volume already holds the copy
    }

    /** Whether the copy is on a tmpfs of its own. */
    boolean bounded() {
        return copy.bounded();
    }

    @Override
    public WorkspaceWatch watch(int maxFiles, long maxBytes, Runnable stop) {
        return copy.watch(maxFiles, maxBytes, stop);
    }

    @Override
    public void copyBack(DockerClient client, String containerId, CopyBack copyBack) {
        copy.copyBack(copyBack);
    }

    @Override
    public void close() {
        copy.close();
    }
}
