package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxFailureException;
import org.mlrcopilot.sandbox.SandboxFailureException.Kind;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;
import org.mlrcopilot.sandbox.WorkspaceWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hardened container per execution (see {@link ContainerSpec}): the workspace is copied into
 * a fresh volume limited in files and bytes, the command runs as uid 65534 with no network, output
 * streams live and is re-read after exit, changed files come back, and container and volume are
 * always removed (when the engine does not answer, as soon as it answers again).
 *
 * <p>When the sandbox rather than the code fails a run (the engine stops answering or refuses a step, the container
 * is killed or removed from outside), the run is tried once more when the engine answers again, within a bounded
 * wait; a second failure is a {@link SandboxFailureException} that says so, never a result blaming the code.
 */
public final class DockerSandbox implements Sandbox {

    /** The longest a failed run waits for the engine to answer again before its second try. */
    static final Duration ENGINE_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);

    private final DockerEngine engine;
    private final DockerClient client;
    private final SandboxSettings settings;
    private final boolean localTransfer;
    private final Duration engineWait;
    /** Containers and volumes a run could not remove because the engine did not answer; removed when it does. */
    private final Set<String> leftContainers = ConcurrentHashMap.newKeySet();

    private final Set<String> leftVolumes = ConcurrentHashMap.newKeySet();
    private volatile boolean tmpfsCopies;

    private DockerSandbox(DockerEngine engine, SandboxSettings settings, boolean localTransfer, Duration engineWait) {
        this.engine = engine;
        this.client = engine.client();
        this.settings = settings;
        this.localTransfer = localTransfer;
        this.engineWait = engineWait;
        this.tmpfsCopies = localTransfer;
    }

    @Override
    public Optional<String> problem() {
        try {
            engine.ping();
            return Optional.empty();
        } catch (SandboxException e) {
            return Optional.of(e.getMessage());
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
            DockerSandbox sandbox = new DockerSandbox(engine, settings, local, ENGINE_WAIT);
            if (local) {
                sandbox.checkTmpfsCopies();
            }
            return sandbox;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** On an engine as it is, without the start-up checks, waiting {@code engineWait} for it after a failure. */
    static DockerSandbox on(DockerEngine engine, SandboxSettings settings, boolean localTransfer, Duration engineWait) {
        return new DockerSandbox(engine, settings, localTransfer, engineWait);
    }

    /**
     * A workspace copy on a tmpfs of its own is mounted in this process's view of the file system; an engine that
     * sees another view (its own mount namespace) would find the directory empty. One run tells; copies are then
     * plain directories, watched.
     */
    private void checkTmpfsCopies() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mlr-probe-");
            Files.writeString(dir.resolve("probe.txt"), "seen by the engine\n");
            ExecutionRequest probe = ExecutionRequest.builder(dir, "cat", "probe.txt")
                    .limits(Limits.defaults()
                            .withWallTime(Duration.ofSeconds(60))
                            .withMemoryBytes(64 * Limits.MIB))
                    .build();
            ExecutionResult result = attempt(
                    probe,
                    WorkspaceSnapshot.of(
                            dir, settings.maxWorkspaceBytes(), probe.limits().maxFiles()));
            if (!result.output().contains("seen by the engine")) {
                tmpfsCopies = false;
                LOG.warn("the Docker engine does not see workspace copies on a tmpfs of their own (another mount "
                        + "namespace?); the workspace limits are watched instead of enforced by the kernel");
            }
        } catch (IOException | RuntimeException e) {
            tmpfsCopies = false;
            LOG.warn("cannot check workspace copies on a tmpfs: {}", e.getMessage());
        } finally {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a probe directory under the temporary directory
                }
            }
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
        removeLeftovers();
        try {
            return attempt(request, before);
        } catch (SandboxFailureException first) {
            if (Thread.currentThread().isInterrupted()) {
                throw first;
            }
            LOG.warn("{}; running it once more when the engine answers", first.getMessage());
            request.listener()
                    .onStatus(first.getMessage() + "; running it once more when the Docker engine answers (waiting "
                            + "up to " + human(engineWait) + ")");
            if (!engine.awaitAnswer(engineWait)) {
                throw first.adding("the engine did not answer again within " + human(engineWait));
            }
            removeLeftovers();
            try {
                return attempt(request, before);
            } catch (SandboxFailureException second) {
                throw second.adding("it failed the same way when run once more");
            }
        }
    }

    private ExecutionResult attempt(ExecutionRequest request, WorkspaceSnapshot before) {
        String name = DockerEngine.PREFIX + UUID.randomUUID();
        String holder = null;
        String containerId = null;
        try (WorkspaceTransfer transfer = transfer(before, request.limits().maxFiles())) {
            try {
                transfer.createVolume(client, name, labels());
                if (transfer.needsHolder()) {
                    holder = name + "-holder";
                    client.startContainerCmd(ContainerSpec.holder(client, settings, name, holder)
                                    .exec()
                                    .getId())
                            .exec();
                }
                containerId = ContainerSpec.create(client, settings, request, name, name)
                        .exec()
                        .getId();
                transfer.fill(client, holder != null ? holder : containerId);
                return execute(containerId, holder, request, before, transfer);
            } catch (SandboxException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failure(e);
            } finally {
                removeContainer(containerId != null ? containerId : name);
                if (holder != null) {
                    removeContainer(holder);
                }
                if (!engine.removeVolume(name)) {
                    leftVolumes.add(name);
                }
            }
        }
    }

    private void removeContainer(String id) {
        if (!engine.forceRemoveContainer(id)) {
            leftContainers.add(id);
        }
    }

    /** Removes what runs left behind while the engine did not answer, now that it may. */
    private void removeLeftovers() {
        if (leftContainers.isEmpty() && leftVolumes.isEmpty()) {
            return;
        }
        for (String id : List.copyOf(leftContainers)) {
            if (engine.forceRemoveContainer(id)) {
                leftContainers.remove(id);
                LOG.info("removed sandbox container {} left while the engine did not answer", id);
            }
        }
        for (String volume : List.copyOf(leftVolumes)) {
            if (engine.removeVolume(volume)) {
                leftVolumes.remove(volume);
            }
        }
    }

    /** An engine error during a run: unreachable (no answer, connection lost) or an error it answered with. */
    private SandboxFailureException failure(RuntimeException e) {
        if (connectionLost(e) || !engine.answers()) {
            return new SandboxFailureException(
                    Kind.ENGINE_UNREACHABLE,
                    "the Docker engine at " + engine.host() + " did not answer during the run ("
                            + DockerEngine.plainly(e) + ")",
                    e);
        }
        return new SandboxFailureException(
                Kind.ENGINE_ERROR, "the Docker engine refused a step of the run (" + DockerEngine.plainly(e) + ")", e);
    }

    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private WorkspaceTransfer transfer(WorkspaceSnapshot before, int maxFiles) {
        return localTransfer
                ? new BoundCopyTransfer(before, maxFiles, settings.maxWorkspaceBytes(), tmpfsCopies)
                : new ArchiveTransfer(before, maxFiles, settings.maxWorkspaceBytes());
    }

    private static Map<String, String> labels() {
        return Map.of(DockerEngine.LABEL, "true", DockerEngine.OWNER_LABEL, DockerEngine.owner());
    }

    private ExecutionResult execute(
            String id, String holder, ExecutionRequest request, WorkspaceSnapshot before, WorkspaceTransfer transfer) {
        Limits limits = request.limits();
        long cap = limits.outputBytes();
        OutputCapture live = new OutputCapture(cap, request.listener());
        Instant started = Instant.now();
        long start = System.nanoTime();
        client.startContainerCmd(id).exec();
        ResultCallback.Adapter<Frame> follow = LogReader.follow(client, id, live);
        boolean timedOut;
        String stoppedBy;
        long maxBytes = before.totalBytes() + settings.maxWorkspaceBytes();
        try (WorkspaceWatch watch = transfer.watch(limits.maxFiles(), maxBytes, () -> kill(id))) {
            timedOut = !awaitExit(id, limits.wallTime());
            if (timedOut) {
                kill(id);
                awaitExit(id, Duration.ofSeconds(30));
            }
            stoppedBy = watch.exceeded();
        } finally {
            closeQuietly(follow);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        InspectContainerResponse.ContainerState state = stateOf(id, "the run's container");
        boolean oom = !timedOut && Boolean.TRUE.equals(state.getOOMKilled());
        int exit =
                state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
        if (!timedOut && !oom && stoppedBy.isEmpty()) {
            killedFromOutside(id, started, exit).ifPresent(signal -> {
                throw new SandboxFailureException(
                        Kind.CONTAINER_KILLED,
                        "the run's container was killed (" + signal + ") while the code ran (exit " + exit
                                + "); nothing came back from it",
                        null);
            });
        }
        if (holder != null
                && !Boolean.TRUE.equals(
                        stateOf(holder, "the container holding the workspace").getRunning())) {
            throw new SandboxFailureException(
                    Kind.CONTAINER_KILLED,
                    "the container holding the workspace was stopped while the code ran; its files are lost",
                    null);
        }
        OutputCapture full = LogReader.reread(client, id, cap, live, request.listener());
        CopyBack copyBack = new CopyBack(before, settings.maxWorkspaceBytes(), limits.maxFiles(), request.readOnly());
        transfer.copyBack(client, holder != null ? holder : id, copyBack);
        return new ExecutionResult(
                exit,
                timedOut,
                oom,
                duration,
                full.text(),
                full.totalBytes(),
                full.droppedBytes(),
                copyBack.changed(),
                copyBack.refused(),
                backend(),
                ContainerSpec.guarantees(settings, request.network()),
                stoppedBy.isEmpty() ? copyBack.limitExceeded() : stoppedBy);
    }

    private InspectContainerResponse.ContainerState stateOf(String id, String what) {
        try {
            return client.inspectContainerCmd(id).exec().getState();
        } catch (NotFoundException e) {
            throw new SandboxFailureException(
                    Kind.CONTAINER_KILLED, what + " was removed from outside the sandbox while the code ran", e);
        }
    }

    /**
     * The signal of a kill the engine recorded for the container since {@code since}: the service kills only at the
     * wall-time limit or for the workspace limits, so any other came from outside (docker kill, docker stop, docker
     * rm -f). Empty when there was none. Where the engine cannot list its events, a SIGKILL's exit code (137) that
     * was not the memory limit's counts as such a kill.
     */
    private Optional<String> killedFromOutside(String id, Instant since, int exit) {
        List<Event> kills = new ArrayList<>();
        try {
            client.eventsCmd()
                    .withContainerFilter(id)
                    .withEventFilter("kill")
                    .withSince(timestamp(since.minusSeconds(1)))
                    .withUntil(timestamp(Instant.now()))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            kills.add(event);
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot list the engine's events for container {}: {}", id, DockerEngine.plainly(e));
            return exit == 137 ? Optional.of("signal 9, no kill of the service's") : Optional.empty();
        }
        if (kills.isEmpty()) {
            return Optional.empty();
        }
        Event kill = kills.get(0);
        String signal = kill.getActor() == null || kill.getActor().getAttributes() == null
                ? null
                : kill.getActor().getAttributes().get("signal");
        return Optional.of(signal == null ? "a signal" : "signal " + signal);
    }

    /** The engine's form of a time: seconds and nanoseconds since the epoch. */
    private static String timestamp(Instant t) {
        return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
    }

    /**
     * Whether the container exited within {@code timeout}; an interrupted wait counts as not (the run is being
     * stopped). A wait the engine breaks off is thrown.
     */
    private boolean awaitExit(String id, Duration timeout) {
        WaitContainerResultCallback callback = client.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            callback.awaitStatusCode(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                callback.close();
            } catch (IOException e) {
                // the wait is over either way
            }
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

    private static String human(Duration d) {
        return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    @Override
    public void close() {
        removeLeftovers();
        engine.close();
    }
}
