package org.mlrcopilot.agents.setup;

import java.util.List;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;

/** Ranks registered tasks by the similarity of their description to a plan, best first. */
@FunctionalInterface
public interface TaskRanker {

    List<TaskMatch> rank(String plan, List<RegisteredTask> tasks);
}
