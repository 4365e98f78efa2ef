package org.mlrcopilot.bot.cli;

import java.util.List;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.bot.wiring.HubModelRetriever;
import org.mlrcopilot.papers.prototype.HubItem;
import org.mlrcopilot.papers.prototype.PrototypeQuery;
import org.mlrcopilot.papers.prototype.Prototypes;

/** What is shown to the team before a command-line run starts: the matching tasks, models and datasets. */
final class Approvals {

    private Approvals() {}

    static String prototypes(HubModelRetriever hub, TaskSpec task, String plan) {
        List<RegisteredTask> known = Tasks.discover(
                        task.root().toAbsolutePath().normalize().getParent())
                .stream()
                .map(t -> new RegisteredTask(t.name(), t.researchProblem()))
                .toList();
        Prototypes found =
                hub.gather(new PrototypeQuery(plan, List.of(task.name().replace('-', ' ')), List.of(), 0), known);
        StringBuilder out = new StringBuilder("Before the run, for the plan:\n  matching tasks:");
        for (TaskMatch m : found.tasks()) {
            out.append(String.format(" %s (%.2f)", m.name(), m.score()));
        }
        for (HubItem item : found.models()) {
            out.append("\n  model: ").append(item.id()).append(" - ").append(item.url());
        }
        for (HubItem item : found.datasets()) {
            out.append("\n  dataset: ").append(item.id()).append(" - ").append(item.url());
        }
        found.notes().forEach(n -> out.append("\n  note: ").append(n));
        return out.toString();
    }
}
