package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.mlrcopilot.sandbox.CopyBack;

/**
 * How a workspace gets into the volume mounted at /workspace, and its changes back out.
 * {@link BoundCopyTransfer} when the engine runs on this host (a private copy backs the volume),
 * {@link ArchiveTransfer} otherwise (tar through the engine's archive API).
 */
interface WorkspaceTransfer extends AutoCloseable {

    /** Creates the volume, labelled, and returns its name. */
    String createVolume(DockerClient client, String name, Map<String, String> labels);

    /** Fills the volume once the container exists and before it starts. */
    void fill(DockerClient client, String containerId);

    /** Offers the workspace's files, after the run, to {@code copyBack}. */
    void copyBack(DockerClient client, String containerId, CopyBack copyBack);

    @Override
    void close();
}
