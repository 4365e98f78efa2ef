package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.IdeaBrief;
import org.mlrcopilot.agents.usage.UsageContext;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.wiring.Wiring;
import org.mlrcopilot.config.MlrConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `mlr ideas <paper-link> [--n 3] [--json]`: the IdeaAgent stage in the terminal. */
@Command(
        name = "ideas",
        description = "Read a paper and propose ranked, reviewed research hypotheses with "
                + "experiment plans (needs an LLM: see `mlr serve` for how to configure one).")
final class IdeasCommand implements Callable<Integer> {

    @ParentCommand
    MlrCommand mlr;

    @Parameters(index = "0", paramLabel = "<paper-link>", description = "Paper link or identifier.")
    String link;

    @Option(names = "--n", defaultValue = "3", description = "How many hypotheses (default: 3).")
    int n;

    @Option(names = "--json", description = "End with one line of JSON: elements, relatedWork, hypotheses, usage.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        MlrConfig config = mlr.config().config();
        LlmModels models = new Wiring(config, Clock.systemUTC()).models().orElse(null);
        if (models == null) {
            System.err.println("mlr: " + StatusReport.llm(config));
            return 5;
        }
        try (Store store = Stores.forCommand(config.store(), System.err)) {
            return run(config, models, store);
        }
    }

    private int run(MlrConfig config, LlmModels models, Store store) throws JsonProcessingException {
        UsageStore usage = store.usage();
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        Wiring.Metered metered = wiring.metered(models, usage, "cli-" + System.currentTimeMillis(), "cli");
        UsageContext context = metered.context();
        try (Papers tools = Papers.create(config, store.papers())) {
            progress("reading " + link);
            IdeaAgent agent = wiring.ideaAgent(metered, tools::related, n);
            IdeaBrief brief = agent.run(tools.read(link), IdeasCommand::progress);
            UsageTotals totals = usage.forResearch(context.researchId());
            System.out.println(IdeasReport.text(brief, totals, models));
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(IdeasReport.json(brief, totals)));
            }
            return 0;
        }
    }

    private static void progress(String message) {
        System.err.println("... " + message);
    }
}
