package org.mlrcopilot.sandbox.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the backend talks to Slurm: the client programs of a login node ({@link SlurmCommands}) or the REST daemon
 * ({@link SlurmRest}).
 */
interface SlurmClient {

    /** What Slurm says about one job. */
    record JobInfo(JobState state, String reason, String exitCode, String nodes) {}

    /**
     * One batch job: its name and comment (our label), limits, where it goes and where it runs.
     *
     * @param minutes   the time limit
     * @param memoryMb  memory per node
     * @param gpus      "" for none, else a count
     * @param directory the working directory (the job's directory on the shared file system)
     */
    record JobRequest(
            String name,
            String comment,
            long minutes,
            long memoryMb,
            int cpus,
            String gpus,
            String partition,
            String account,
            String qos,
            Path directory) {}

    /** Why Slurm cannot be used from here, empty when it answers. */
    Optional<String> problem();

    /** Submits the script; the job id. */
    String submit(JobRequest job, Path script);

    Optional<JobInfo> job(String id);

    void cancel(String id);

    /** The ids of this user's queued or running jobs whose comment is {@code label}. */
    List<String> jobsLabelled(String label);

    /** One line per partition: name|availability|nodes|state|CPUs|memory MB|generic resources. */
    List<String> partitions();

    /** Which way Slurm is reached, for the status: "slurm CLI" or "slurmrestd at ...". */
    String describe();
}
