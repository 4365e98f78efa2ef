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

/**
 * For a remote engine: the workspace travels as a tar through the engine's archive API, both ways, into a tmpfs
 * volume limited in size and inodes (so the code cannot fill the engine's disk with files); a holder container keeps
 * the volume's files while the run's container starts and ends.
 */
final class ArchiveTransfer implements WorkspaceTransfer {

    /** Room for the page each small file takes on a tmpfs beyond its bytes. */
    private static final long PAGE = 4096;

    private final WorkspaceSnapshot snapshot;
    private final int maxFiles;
    private final long growBytes;

    ArchiveTransfer(WorkspaceSnapshot snapshot, int maxFiles, long growBytes) {
        this.snapshot = snapshot;
        this.maxFiles = maxFiles;
        this.growBytes = growBytes;
    }

    @Override
    public String createVolume(DockerClient client, String name, Map<String, String> labels) {
        long size = snapshot.totalBytes() + growBytes + (maxFiles + 2L) * PAGE;
        String options = "size=" + size + ",nr_inodes=" + (maxFiles + 2L) + ",uid=65534,gid=65534,mode=0755";
        return client.createVolumeCmd()
                .withName(name)
                .withLabels(labels)
                .withDriver("local")
                .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", options))
                .exec()
                .getName();
    }

    @Override
    public boolean needsHolder() {
        return true;
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
