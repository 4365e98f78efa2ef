package org.mlrcopilot.bot.wiring;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.mlrcopilot.agents.experiment.ModelRetriever;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.literature.RelatedWorkFinder;
import org.mlrcopilot.papers.prototype.HubItem;
import org.mlrcopilot.papers.prototype.PrototypeFinder;
import org.mlrcopilot.papers.prototype.PrototypeQuery;
import org.mlrcopilot.papers.prototype.Prototypes;

/** The Retrieve Model action backed by the Hugging Face Hub, through the guarded client. */
public final class HubModelRetriever implements ModelRetriever {

    private final GuardedHttpClient http;
    private final URI hubUrl;
    private final String token;
    private PrototypeFinder finder;

    public HubModelRetriever(GuardedHttpClient http, URI hubUrl, String token) {
        this.http = http;
        this.hubUrl = hubUrl;
        this.token = token;
    }

    /** The embedding model loads on the first look-up only. */
    private synchronized PrototypeFinder finder() {
        if (finder == null) {
            finder = new PrototypeFinder(
                    http, hubUrl, token, RelatedWorkFinder.localEmbeddings(), Duration.ofSeconds(20));
        }
        return finder;
    }

    /** Everything the look-ups find for a plan, to show the team before a run starts. */
    public Prototypes gather(PrototypeQuery query, List<RegisteredTask> tasks) {
        return finder().find(query, tasks);
    }

    /** Registered tasks ranked by similarity to a plan, best first. */
    public List<TaskMatch> rankTasks(String plan, List<RegisteredTask> tasks) {
        return finder().rankTasks(plan, tasks);
    }

    @Override
    public String retrieve(String query) {
        Prototypes found = finder().find(new PrototypeQuery(query, List.of(query), List.of(), 0), List.of());
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (HubItem m : found.models()) {
            out.append(n++)
                    .append(". ")
                    .append(m.id())
                    .append(" (")
                    .append(m.pipelineTag().isEmpty() ? "model" : m.pipelineTag())
                    .append(", ")
                    .append(String.format("%,d", m.downloads()))
                    .append(" downloads")
                    .append(m.sizeBytes() > 0 ? String.format(", %.0f MB", m.sizeBytes() / 1e6) : "")
                    .append(") ")
                    .append(m.url())
                    .append('\n');
        }
        found.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        return out.length() == 0
                ? "No models found for \"" + query + "\"."
                : out.toString().strip()
                        + "\nThe sandbox has no network: a model must be prepared by the team before it can be used.";
    }
}
