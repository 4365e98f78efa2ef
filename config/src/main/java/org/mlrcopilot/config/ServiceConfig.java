package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.SERVICE_APPROVERS;
import static org.mlrcopilot.config.Key.SERVICE_HYPOTHESES;
import static org.mlrcopilot.config.Key.SERVICE_IDEA_WORKERS;
import static org.mlrcopilot.config.Key.SERVICE_RUN_WORKERS;
import static org.mlrcopilot.config.Key.SERVICE_STATUS_INTERVAL;
import static org.mlrcopilot.config.Key.SERVICE_TASKS_DIR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How the running service works with its teams: who approves runs, how many hypotheses, how much in parallel. */
public record ServiceConfig(
        List<String> approvers,
        int hypotheses,
        Path tasksDir,
        int ideaWorkers,
        int runWorkers,
        Duration statusInterval) {

    public ServiceConfig {
        SERVICE_APPROVERS.require(approvers);
        approvers = List.copyOf(approvers);
        SERVICE_HYPOTHESES.require(hypotheses);
        SERVICE_TASKS_DIR.require(tasksDir);
        SERVICE_IDEA_WORKERS.require(ideaWorkers);
        SERVICE_RUN_WORKERS.require(runWorkers);
        SERVICE_STATUS_INTERVAL.require(statusInterval);
    }

    static ServiceConfig from(Values v) {
        return new ServiceConfig(
                v.list(SERVICE_APPROVERS),
                v.integer(SERVICE_HYPOTHESES),
                v.path(SERVICE_TASKS_DIR),
                v.integer(SERVICE_IDEA_WORKERS),
                v.integer(SERVICE_RUN_WORKERS),
                v.duration(SERVICE_STATUS_INTERVAL));
    }
}
