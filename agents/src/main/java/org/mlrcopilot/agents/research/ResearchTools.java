package org.mlrcopilot.agents.research;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.task.TaskSpec;

/** What the service needs from the outside world, wired by the running bot from its configuration. */
public interface ResearchTools {

    /** Reads a paper (cached); throws the reader's exceptions, which say what went wrong. */
    Paper read(String link);

    /** Related work without a language model (no extracted keywords). */
    RelatedWork related(Paper paper);

    /** The idea agent, metered against the research's budget; empty when no language model is configured. */
    Optional<IdeaAgent> ideas(Research research);

    /** An experiment agent for the research's run; empty when no language model is configured. */
    Optional<ExperimentAgent> experiments(Research research, TeamChannel team);

    /**
     * A tree search for the research's run when runs search a tree of whole solutions rather than run the agent loop
     * (experiment.search=tree); empty otherwise.
     */
    default Optional<TreeSearch> treeSearch(Research research, TeamChannel team) {
        return Optional.empty();
    }

    /**
     * The experiment set-up for the research's runs (metered against its budget): a registered task when one fits
     * the plan, else a task built from the plan's data; empty when no language model is configured.
     */
    Optional<ExperimentSetup> setup(Research research);

    /** The registered tasks (empty when none is registered). */
    List<TaskSpec> registeredTasks();

    /** Whether the team confirms the set-up before the experiment loop starts. */
    boolean confirmSetup();

    /** Where runs keep their workspaces. */
    Path runsRoot();

    /** What to do when no language model is configured, e.g. which variables to set. */
    String howToConfigureModel();
}
