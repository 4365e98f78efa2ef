package org.mlrcopilot.sandbox.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How experiments reach a Slurm cluster.
 *
 * @param sharedDir a directory every node sees (and the service writes): job workspaces and output live there
 * @param partition where jobs go ("" for the cluster's default)
 * @param account   the account jobs are charged to ("" for the user's default)
 * @param qos       the quality of service ("" for the default)
 * @param wrapper   how a job confines the command on the node: "bwrap" (bubblewrap over the sandbox root file
 *                  system, which must be on a path the nodes see), or a command line the command is appended to,
 *                  with {workspace} for the job's workspace, e.g. an Apptainer or enroot invocation
 * @param poll      how often the job's state and output are read while it waits or runs
 * @param label     the job comment that marks a job as this service's (jobs so marked and left over by a previous
 *                  life of the service are cancelled at start-up)
 * @param rest      the REST daemon to drive instead of the client programs, null for the programs
 */
public record SlurmSettings(
        Path sharedDir,
        String partition,
        String account,
        String qos,
        String wrapper,
        Duration poll,
        String label,
        Rest rest) {

    /**
     * slurmrestd: its base URL, the user jobs run as and a JWT for that user ({@code scontrol token}); the token
     * travels only in the request headers.
     */
    public record Rest(java.net.URI url, String user, String token) {
        public Rest {
            Objects.requireNonNull(url, "url");
            if (user == null || !user.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("the Slurm REST user is a user name");
            }
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Rest[url=" + url + ", user=" + user + "]";
        }
    }

    /** With the client programs. */
    public SlurmSettings(
            Path sharedDir, String partition, String account, String qos, String wrapper, Duration poll, String label) {
        this(sharedDir, partition, account, qos, wrapper, poll, label, null);
    }

    public SlurmSettings {
        Objects.requireNonNull(sharedDir, "sharedDir");
        partition = Objects.requireNonNullElse(partition, "").strip();
        account = Objects.requireNonNullElse(account, "").strip();
        qos = Objects.requireNonNullElse(qos, "").strip();
        wrapper = Objects.requireNonNullElse(wrapper, "").isBlank() ? "bwrap" : wrapper.strip();
        Objects.requireNonNull(poll, "poll");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        if (label == null || !label.matches("[A-Za-z0-9@:._/-]{1,120}")) {
            throw new IllegalArgumentException("a job label is 1-120 letters, digits or @:._/-");
        }
        for (String value : new String[] {partition, account, qos}) {
            if (!value.matches("[A-Za-z0-9_.,-]*")) {
                throw new IllegalArgumentException("partition, account and qos are names: " + value);
            }
        }
    }

    public boolean bubblewrap() {
        return wrapper.equals("bwrap");
    }
}
