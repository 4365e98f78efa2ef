package org.mlrcopilot.sandbox.slurm;

import java.util.Locale;

/** A Slurm job's state as squeue, scontrol and sacct name it, grouped by what it means for a run. */
enum JobState {
    PENDING,
    RUNNING,
    COMPLETING,
    COMPLETED,
    FAILED,
    TIMEOUT,
    OUT_OF_MEMORY,
    CANCELLED,
    NODE_FAIL,
    PREEMPTED,
    BOOT_FAIL,
    DEADLINE,
    SUSPENDED,
    REQUEUED,
    UNKNOWN;

    static JobState parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("CANCELLED")) {
            return CANCELLED;
        }
        try {
            return valueOf(name.replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return switch (name) {
                case "PD" -> PENDING;
                case "R" -> RUNNING;
                case "CG" -> COMPLETING;
                case "CD" -> COMPLETED;
                case "F" -> FAILED;
                case "TO" -> TIMEOUT;
                case "OOM" -> OUT_OF_MEMORY;
                case "CA" -> CANCELLED;
                case "NF" -> NODE_FAIL;
                case "PR" -> PREEMPTED;
                default -> UNKNOWN;
            };
        }
    }

    /** The job will not run (again) by itself. */
    boolean finished() {
        return switch (this) {
            case COMPLETED, FAILED, TIMEOUT, OUT_OF_MEMORY, CANCELLED, NODE_FAIL, PREEMPTED, BOOT_FAIL, DEADLINE ->
                true;
            default -> false;
        };
    }

    /** Not the code's doing: the node or the scheduler took the job away; worth one more try. */
    boolean lostByTheCluster() {
        return this == NODE_FAIL || this == PREEMPTED || this == BOOT_FAIL;
    }
}
