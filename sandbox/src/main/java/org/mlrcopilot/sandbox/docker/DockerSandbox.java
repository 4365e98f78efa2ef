package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;

/**
 * One hardened container per execution (see {@link ContainerSpec}): the workspace is copied into
 * a fresh volume, the command runs as uid 65534 with no network, output streams live and is
 * re-read after exit, changed files come back, and container and volume are always removed.
 */
public final class DockerSandbox implements Sandbox {

    private final DockerEngine engine;
    private final DockerClient client;
    private final SandboxSettings settings;

    private final boolean localTransfer;

    private DockerSandbox(DockerEngine engine, SandboxSettings settings, boolean localTransfer) {
        this.engine = engine;
        this.client = engine.client();
        this.settings = settings;
        this.localTransfer = localTransfer;
    }

    @Override
    public java.util.Optional<String> problem() {
        try {
            engine.ping();
            return java.util.Optional.empty();
        } catch (SandboxException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** Connects, checks the engine and the image, and removes what dead owners left behind. */
    public static DockerSandbox start(SandboxSettings settings) {
        return start(settings, null);
    }

    /**
     * @param localTransfer true: a private host copy backs the volume (engine on this host, we are root);
     *                      false: tar through the archive API; null: choose by where the engine runs
     */
    static DockerSandbox start(SandboxSettings settings, Boolean localTransfer) {
        DockerEngine engine = DockerEngine.connect();
        try {
            engine.ping();
            engine.requireImage(settings.image());
            engine.removeOrphans();
            boolean local = localTransfer != null
                    ? localTransfer
                    : engine.isLocal() && "root".equals(System.getProperty("user.name"));
            return new DockerSandbox(engine, settings, local);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Override
    public String backend() {
        return "docker";
    }

    @Override
    public Set<Guarantee> guarantees() {
        return ContainerSpec.guarantees(settings, NetworkPolicy.NONE);
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        settings.checkEnvironment(request);
        WorkspaceSnapshot before = WorkspaceSnapshot.of(
                request.workspace(),
                settings.maxWorkspaceBytes(),
                request.limits().maxFiles());
        String volume = "mlr-ws-" + UUID.randomUUID();
        String containerId = null;
        try (WorkspaceTransfer transfer = transfer(before)) {
            try {
                transfer.createVolume(client, volume, labels());
                containerId = ContainerSpec.create(client, settings, request, volume)
                        .exec()
                        .getId();
                transfer.fill(client, containerId);
                return execute(containerId, request, before, transfer);
            } catch (SandboxException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SandboxException("the Docker engine failed the run: " + e.getMessage(), true, e);
            } finally {
                if (containerId != null) {
                    engine.forceRemoveContainer(containerId);
                }
                engine.removeVolume(volume);
            }
        }
    }

    private WorkspaceTransfer transfer(WorkspaceSnapshot before) {
        return localTransfer ? new BoundCopyTransfer(before) : new ArchiveTransfer(before);
    }

    private static Map<String, String> labels() {
        return Map.of(DockerEngine.LABEL, "true", DockerEngine.OWNER_LABEL, DockerEngine.owner());
    }

    private ExecutionResult execute(
            String id, ExecutionRequest request, WorkspaceSnapshot before, WorkspaceTransfer transfer) {
        long cap = request.limits().outputBytes();
        OutputCapture live = new OutputCapture(cap, request.listener());
        long start = System.nanoTime();
        client.startContainerCmd(id).exec();
        ResultCallback.Adapter<Frame> follow = LogReader.follow(client, id, live);
        boolean timedOut = !awaitExit(id, request.limits().wallTime());
        if (timedOut) {
            kill(id);
            awaitExit(id, Duration.ofSeconds(30));
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        closeQuietly(follow);
        InspectContainerResponse.ContainerState state =
                client.inspectContainerCmd(id).exec().getState();
        OutputCapture full = LogReader.reread(client, id, cap, live, request.listener());
        CopyBack copyBack = new CopyBack(
                before, settings.maxWorkspaceBytes(), request.limits().maxFiles(), request.readOnly());
        transfer.copyBack(client, id, copyBack);
        int exit =
                state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
        return new ExecutionResult(
                exit,
                timedOut,
                !timedOut && Boolean.TRUE.equals(state.getOOMKilled()),
                duration,
                full.text(),
                full.totalBytes(),
                full.droppedBytes(),
                copyBack.changed(),
                copyBack.refused(),
                backend(),
                ContainerSpec.guarantees(settings, request.network()),
                copyBack.limitExceeded());
    }

    private boolean awaitExit(String id, Duration timeout) {
        try {
            client.waitContainerCmd(id).start().awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (DockerClientException e) {
            return false;
        }
    }

    private void kill(String id) {
        try {
            client.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            // it may have exited in the meantime; the state says
        }
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            // the follow ends with the container anyway
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
