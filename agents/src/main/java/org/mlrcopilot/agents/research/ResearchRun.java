package org.mlrcopilot.agents.research;

import java.time.Instant;
import java.util.Objects;
import org.mlrcopilot.agents.experiment.ExperimentResult;

/**
 * An approved hypothesis being tested by the ExperimentAgent.
 *
 * @param id         run id, also the name of its run directory
 * @param task       the registered task it runs on
 * @param requester  who asked for the research
 * @param approver   who approved the run
 * @param step       the last completed step
 * @param maxSteps   the step limit
 * @param runDir     where the workspace, checkpoints and trace live
 * @param result     the result once finished, else null
 */
public record ResearchRun(
        String id,
        String researchId,
        String hypothesisId,
        int hypothesisVersion,
        String task,
        String requester,
        String approver,
        RunStatus status,
        int step,
        int maxSteps,
        String runDir,
        ExperimentResult result,
        Instant createdAt,
        Instant updatedAt) {

    public ResearchRun {
        ResearchIds.require(id, "id");
        ResearchIds.require(researchId, "researchId");
        ResearchIds.require(hypothesisId, "hypothesisId");
        ResearchIds.require(task, "task");
        ResearchIds.require(requester, "requester");
        ResearchIds.require(approver, "approver");
        Objects.requireNonNull(status, "status");
        ResearchIds.require(runDir, "runDir");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public ResearchRun with(RunStatus next, int atStep, Instant at) {
        return new ResearchRun(
                id,
                researchId,
                hypothesisId,
                hypothesisVersion,
                task,
                requester,
                approver,
                next,
                atStep,
                maxSteps,
                runDir,
                result,
                createdAt,
                at);
    }

    public ResearchRun onTask(String name) {
        return new ResearchRun(
                id,
                researchId,
                hypothesisId,
                hypothesisVersion,
                name,
                requester,
                approver,
                status,
                step,
                maxSteps,
                runDir,
                result,
                createdAt,
                updatedAt);
    }

    public ResearchRun finished(RunStatus next, ExperimentResult value, Instant at) {
        return new ResearchRun(
                id,
                researchId,
                hypothesisId,
                hypothesisVersion,
                task,
                requester,
                approver,
                next,
                value.steps(),
                maxSteps,
                runDir,
                value,
                createdAt,
                at);
    }
}
