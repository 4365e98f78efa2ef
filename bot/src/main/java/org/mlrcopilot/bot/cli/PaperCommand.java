package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `mlr paper <link> [--json]`: the structured paper and its recent related work. */
@Command(
        name = "paper",
        description = "Read a paper from a link (arXiv, OpenReview, ACL Anthology, DOI, PDF, "
                + "landing page) and find its recent related work.")
final class PaperCommand implements Callable<Integer> {

    @ParentCommand
    MlrCommand mlr;

    @Parameters(index = "0", paramLabel = "<link>", description = "Paper link or identifier, e.g. 2408.14033.")
    String link;

    @Option(names = "--json", description = "End with one line of JSON describing the paper and related work.")
    boolean json;

    @Option(names = "--no-related", description = "Skip the related-work search.")
    boolean noRelated;

    @Override
    public Integer call() throws JsonProcessingException {
        try (Store store = Stores.forCommand(mlr.config().config().store(), System.err);
                Papers tools = Papers.create(mlr.config().config(), store.papers())) {
            Paper paper = tools.read(link);
            RelatedWork related =
                    noRelated ? new RelatedWork(java.util.List.of(), java.util.List.of()) : tools.related(paper);
            System.out.println(PaperReport.text(paper, related));
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(PaperReport.json(paper, related)));
            }
            return 0;
        }
    }
}
