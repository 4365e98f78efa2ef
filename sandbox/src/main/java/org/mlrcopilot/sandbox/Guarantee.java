package org.mlrcopilot.sandbox;

/** A protection a backend actually enforces. Results carry the set in force for that run. */
public enum Guarantee {
    /** The code sees no network at all (network namespace with no interfaces but loopback). */
    NETWORK_ISOLATED,
    /** The root filesystem is mounted read-only; only the workspace and /tmp are writable. */
    READ_ONLY_ROOT,
    /** The code runs as uid 65534 (nobody), never as root. */
    NON_ROOT_USER,
    /** All Linux capabilities are dropped. */
    CAPABILITIES_DROPPED,
    /** setuid binaries cannot raise privileges. */
    NO_NEW_PRIVILEGES,
    /** Memory (and swap) bounded by a cgroup; the kernel OOM-kills past it and the result says so. */
    MEMORY_CGROUP,
    /** Address space bounded by an rlimit (weaker: allocations fail, nothing is OOM-killed). */
    MEMORY_RLIMIT,
    /** CPU time bounded by a cgroup quota. */
    CPU_QUOTA,
    /** Number of processes bounded by a cgroup pids limit. */
    PIDS_CGROUP,
    /** Number of processes bounded by an rlimit of the sandbox user. */
    PIDS_RLIMIT,
    /** Open files and written file size bounded by rlimits. */
    FILE_RLIMITS,
    /** Host processes, mounts, IPC and hostname are invisible (namespaces). */
    NAMESPACES_ISOLATED,
    /** The code works on a copy of the workspace; only regular files inside it come back. */
    WORKSPACE_COPY,
    /** The environment is exactly what the request names; nothing inherited from the service. */
    ENVIRONMENT_CLEARED,
    /** The run is killed, with everything it started, when the wall-time limit passes. */
    WALL_TIME_LIMIT,
    /** Captured output is capped; the count of dropped bytes is reported. */
    OUTPUT_CAPPED,
    /** The kernel is gVisor's user-space kernel (runtime runsc). */
    USER_SPACE_KERNEL
}
