package org.mlrcopilot.papers.prototype;

import java.util.List;
import org.mlrcopilot.agents.prototype.TaskMatch;

/**
 * What was gathered before coding an experiment.
 *
 * @param codeLinks code repositories from the paper, in the paper's order
 * @param models    the best Hub models, best first
 * @param datasets  the best Hub datasets, best first
 * @param tasks     every registered task, most similar to the plan first
 * @param notes     what could not be looked up, e.g. "Hugging Face Hub model search: no answer within 10s"
 */
public record Prototypes(
        List<String> codeLinks,
        List<HubItem> models,
        List<HubItem> datasets,
        List<TaskMatch> tasks,
        List<String> notes) {

    public Prototypes {
        codeLinks = List.copyOf(codeLinks);
        models = List.copyOf(models);
        datasets = List.copyOf(datasets);
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
    }
}
