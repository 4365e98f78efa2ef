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
import java.util.List;
import java.util.Map;
import org.mlrcopilot.sandbox.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Docker engine connection: client, health checks, and clean-up of what dead owners left behind. */
final class DockerEngine {

    static final String LABEL = "org.mlrcopilot.sandbox";
    static final String OWNER_LABEL = "org.mlrcopilot.sandbox.owner";
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);

    private final DockerClient client;
    private final String host;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    static DockerEngine connect() {
        DockerClientConfig config =
                DefaultDockerClientConfig.createDefaultConfigBuilder().build();
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

    void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new SandboxException(
                    "the Docker engine at " + host + " is unreachable (" + e.getMessage()
                            + "); start it (e.g. `dockerd &`), or set sandbox.backend=bwrap",
                    true,
                    e);
        }
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

    /** Removes containers and volumes of ours whose owning process on this host is gone. */
    void removeOrphans() {
        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "true"))
                .exec();
        for (Container c : containers) {
            if (isOrphan(c.getLabels())) {
                LOG.info("removing orphaned sandbox container {}", c.getId());
                forceRemoveContainer(c.getId());
            }
        }
        List<InspectVolumeResponse> volumes = client.listVolumesCmd()
                .withFilter("label", List.of(LABEL + "=true"))
                .exec()
                .getVolumes();
        for (InspectVolumeResponse v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            if (isOrphan(v.getLabels())) {
                LOG.info("removing orphaned sandbox volume {}", v.getName());
                removeVolume(v.getName());
            }
        }
    }

    private static boolean isOrphan(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(OWNER_LABEL);
        if (owner == null || !owner.endsWith("@" + hostName())) {
            return owner == null;
        }
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    void forceRemoveContainer(String id) {
        try {
            client.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.warn("could not remove sandbox container {}: {}", id, e.getMessage());
        }
    }

    void removeVolume(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.warn("could not remove sandbox volume {}: {}", name, e.getMessage());
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
