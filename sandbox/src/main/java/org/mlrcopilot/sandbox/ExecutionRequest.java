package org.mlrcopilot.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One execution: run {@code command} in a copy of {@code workspace} (seen at /workspace) within
 * {@code limits}. New and changed regular files are copied back to {@code workspace} afterwards.
 */
public record ExecutionRequest(
        Path workspace,
        List<String> command,
        Limits limits,
        NetworkPolicy network,
        Map<String, String> env,
        OutputListener listener,
        List<String> readOnly) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ExecutionRequest {
        Objects.requireNonNull(workspace, "workspace");
        workspace = workspace.toAbsolutePath().normalize();
        if (!Files.isDirectory(workspace)) {
            throw new IllegalArgumentException("workspace is not a directory: " + workspace);
        }
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("command is empty");
        }
        limits = Objects.requireNonNull(limits, "limits");
        network = Objects.requireNonNull(network, "network");
        env = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(env, "env")));
        env.keySet().forEach(ExecutionRequest::checkEnvName);
        listener = listener == null ? OutputListener.ignore() : listener;
        readOnly = List.copyOf(Objects.requireNonNullElse(readOnly, List.of()));
    }

    private static void checkEnvName(String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid environment variable name: " + name);
        }
    }

    public static Builder builder(Path workspace, List<String> command) {
        return new Builder(workspace, command);
    }

    public static Builder builder(Path workspace, String... command) {
        return new Builder(workspace, List.of(command));
    }

    /** Builds a request; defaults: {@link Limits#defaults()}, no network, empty environment. */
    public static final class Builder {
        private final Path workspace;
        private final List<String> command;
        private Limits limits = Limits.defaults();
        private NetworkPolicy network = NetworkPolicy.NONE;
        private final Map<String, String> env = new LinkedHashMap<>();
        private OutputListener listener = OutputListener.ignore();
        private List<String> readOnly = List.of();

        private Builder(Path workspace, List<String> command) {
            this.workspace = workspace;
            this.command = command;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        public Builder network(NetworkPolicy value) {
            this.network = value;
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            this.env.putAll(values);
            return this;
        }

        public Builder listener(OutputListener value) {
            this.listener = value;
            return this;
        }

        /**
         * Globs (relative to the workspace) of files the code may read but not change: whatever it writes there
         * never comes back into the workspace (the result lists them as refused).
         */
        public Builder readOnly(List<String> globs) {
            this.readOnly = List.copyOf(globs);
            return this;
        }

        public ExecutionRequest build() {
            return new ExecutionRequest(workspace, command, limits, network, env, listener, readOnly);
        }
    }
}
