package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;

/** For a remote engine: the workspace travels as a tar through the engine's archive API, both ways. */
final class ArchiveTransfer implements WorkspaceTransfer {

    private final WorkspaceSnapshot snapshot;

    ArchiveTransfer(WorkspaceSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String createVolume(DockerClient client, String name, Map<String, String> labels) {
        return client.createVolumeCmd().withName(name).withLabels(labels).exec().getName();
    }

    @Override
    public void fill(DockerClient client, String containerId) {
        if (snapshot.files().isEmpty()) {
            return;
        }
        try (PipedInputStream in = new PipedInputStream(256 * 1024);
                PipedOutputStream out = new PipedOutputStream(in)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeTar(out));
            client.copyArchiveToContainerCmd(containerId)
                    .withRemotePath(ContainerSpec.WORKSPACE)
                    .withTarInputStream(in)
                    .exec();
            writer.join();
        } catch (IOException e) {
            throw new SandboxException("cannot copy the workspace into the container: " + e.getMessage(), true, e);
        }
    }

    private void writeTar(PipedOutputStream out) {
        try (out) {
            WorkspaceArchive.write(snapshot, out);
        } catch (IOException e) {
            throw new SandboxException("cannot pack the workspace: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void copyBack(DockerClient client, String containerId, CopyBack copyBack) {
        try (InputStream tar = client.copyArchiveFromContainerCmd(containerId, ContainerSpec.WORKSPACE)
                .exec()) {
            WorkspaceArchive.read(tar, copyBack);
        } catch (IOException e) {
            throw new SandboxException("cannot read the workspace back: " + e.getMessage(), true, e);
        }
    }

    @Override
    public void close() {
        // nothing held on this side
    }
}
