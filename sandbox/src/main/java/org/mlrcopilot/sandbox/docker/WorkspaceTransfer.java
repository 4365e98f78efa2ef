package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.WorkspaceWatch;

/**
 * How a workspace gets into the volume mounted at /workspace, and its changes back out.
 * {@link BoundCopyTransfer} when the engine runs on this host (a private copy backs the volume),
 * {@link ArchiveTransfer} otherwise (tar through the engine's archive API, into a tmpfs volume).
 */
interface WorkspaceTransfer extends AutoCloseable {

    /** Creates the volume, labelled, and returns its name. */
    String createVolume(DockerClient client, String name, Map<String, String> labels);

    /**
     * Whether the volume keeps its files only while a container runs on it (a tmpfs volume): then a holder container
     * runs beside the run's, and {@link #fill} and {@link #copyBack} go through the holder.
     */
    default boolean needsHolder() {
        return false;
    }

    /** Fills the volume once the container exists and before it starts. */
    void fill(DockerClient client, String containerId);

    /** A watch of the workspace's files while the code runs, where nothing else bounds them; {@code stop} kills. */
    default WorkspaceWatch watch(int maxFiles, long maxBytes, Runnable stop) {
        return WorkspaceWatch.none();
    }

    /** Offers the workspace's files, after the run, to {@code copyBack}, and commits it. */
    void copyBack(DockerClient client, String containerId, CopyBack copyBack);

    @Override
    void close();
}
