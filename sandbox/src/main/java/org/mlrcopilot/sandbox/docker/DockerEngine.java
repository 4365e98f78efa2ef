package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.sandbox.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Docker engine connection: client, health checks, and clean-up of what dead owners left behind. */
final class DockerEngine {

    static final String LABEL = "org.mlrcopilot.sandbox";
    static final String OWNER_LABEL = "org.mlrcopilot.sandbox.owner";
    /** How the names of the sandbox's containers and volumes begin. */
    static final String PREFIX = "mlr-sandbox-";

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);

    private final DockerClient client;
    private final String host;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    static DockerEngine connect() {
        return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** The engine at {@code host}, e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375. */
    static DockerEngine connect(String host) {
        return connect(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(false)
                .build());
    }

    private static DockerEngine connect(DockerClientConfig config) {
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return new DockerEngine(
                DockerClientImpl.getInstance(config, http),
                config.getDockerHost().toString());
    }

    /** True when the engine listens on a local socket, so it sees this host's file system. */
    boolean isLocal() {
        return host.startsWith("unix:") || host.startsWith("npipe:");
    }

    DockerClient client() {
        return client;
    }

    /** This process, as recorded on every container and volume it creates. */
    static String owner() {
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        return name == null || name.isBlank() ? "localhost" : name;
    }

    String host() {
        return host;
    }

    void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new SandboxException(
                    "the Docker engine at " + host + " is unreachable (" + plainly(e)
                            + "); start it (e.g. `dockerd &`), or set sandbox.backend=bwrap",
                    true,
                    e);
        }
    }

    /** Whether the engine answers a ping now. */
    boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits, pinging every second, until the engine answers or {@code max} passes; whether it answered. */
    boolean awaitAnswer(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            if (answers()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The innermost message of an engine error, without Java class names: "Connection refused". */
    static String plainly(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        if (m == null || m.isBlank()) {
            return root.getClass().getSimpleName();
        }
        return m.replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ?", "")
                .strip();
    }

    void requireImage(String image) {
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new SandboxException(
                    "the sandbox image " + image + " is missing; build it with "
                            + "`./mlr sandbox build-image --offline` (or without --offline on a machine with internet)",
                    false,
                    e);
        }
    }

    /**
     * Removes containers and volumes of ours whose owning process on this host is gone: those with our label, and
     * those whose name starts with {@link #PREFIX} but carry no owner (they lost their labels, or never got them).
     */
    void removeOrphans() {
        Map<String, Container> containers = new LinkedHashMap<>();
        client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "true"))
                .exec()
                .forEach(c -> containers.put(c.getId(), c));
        client.listContainersCmd().withShowAll(true).withNameFilter(List.of(PREFIX)).exec().stream()
                .filter(c ->
                        c.getNames() != null && Arrays.stream(c.getNames()).anyMatch(n -> n.startsWith("/" + PREFIX)))
                .forEach(c -> containers.putIfAbsent(c.getId(), c));
        for (Container c : containers.values()) {
            if (isOrphan(c.getLabels())) {
                LOG.info("removing orphaned sandbox container {}", c.getId());
                forceRemoveContainer(c.getId());
            }
        }
        Map<String, InspectVolumeResponse> volumes = new LinkedHashMap<>();
        volumes(List.of("label", LABEL + "=true")).forEach(v -> volumes.put(v.getName(), v));
        volumes(List.of("name", PREFIX)).stream()
                .filter(v -> v.getName().startsWith(PREFIX))
                .forEach(v -> volumes.putIfAbsent(v.getName(), v));
        for (InspectVolumeResponse v : volumes.values()) {
            if (isOrphan(v.getLabels())) {
                LOG.info("removing orphaned sandbox volume {}", v.getName());
                removeVolume(v.getName());
            }
        }
    }

    private List<InspectVolumeResponse> volumes(List<String> filter) {
        List<InspectVolumeResponse> found = client.listVolumesCmd()
                .withFilter(filter.get(0), List.of(filter.get(1)))
                .exec()
                .getVolumes();
        return found == null ? List.of() : found;
    }

    private static boolean isOrphan(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(OWNER_LABEL);
        if (owner == null || !owner.endsWith("@" + hostName())) {
            return owner == null;
        }
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Removes a container with its anonymous volumes; whether it is gone. */
    boolean forceRemoveContainer(String id) {
        try {
            client.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not remove sandbox container {}: {}", id, plainly(e));
            return false;
        }
    }

    /** Removes a volume; whether it is gone. */
    boolean removeVolume(String name) {
        try {
            client.removeVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not remove sandbox volume {}: {}", name, plainly(e));
            return false;
        }
    }

    void close() {
        try {
            client.close();
        } catch (java.io.IOException e) {
            LOG.debug("closing the Docker client", e);
        }
    }
}
