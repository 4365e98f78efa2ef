package org.mlrcopilot.bot.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.Section;

/** A paper and its related work for people (text) and programs (JSON). */
final class PaperReport {

    private PaperReport() {}

    static String text(Paper paper, RelatedWork related) {
        StringBuilder out = new StringBuilder(paper.title()).append('\n');
        out.append(String.join(", ", paper.authors())).append('\n');
        out.append("source: ")
                .append(paper.source())
                .append(" (")
                .append(paper.url())
                .append(")\n\n");
        out.append("Abstract\n").append(wrap(paper.abstractText())).append("\n\nSections\n");
        for (Section s : paper.sections()) {
            out.append("  ".repeat(s.level()))
                    .append(s.heading())
                    .append("  (")
                    .append(s.text().length())
                    .append(" chars)\n");
        }
        out.append("\nReferences: ").append(paper.references().size()).append('\n');
        paper.links().forEach(l -> out.append("link: ").append(l).append('\n'));
        out.append("\nRelated work\n");
        for (RelatedPaper r : related.papers()) {
            out.append(String.format("  %.2f  %s (%s, %s)%n", r.score(), r.title(), r.year(), r.source()));
        }
        for (SourceStatus s : related.sources()) {
            out.append("  source ")
                    .append(s.source())
                    .append(": ")
                    .append(s.answered() ? "answered" : "no answer")
                    .append(" - ")
                    .append(s.detail())
                    .append('\n');
        }
        return out.toString();
    }

    private static String wrap(String text) {
        return text.replaceAll("(.{1,100})(\\s+|$)", "  $1\n").stripTrailing();
    }

    static Map<String, Object> json(Paper paper, RelatedWork related) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", paper.title());
        json.put("authors", paper.authors());
        json.put("abstract", paper.abstractText());
        json.put(
                "sections",
                paper.sections().stream()
                        .map(s -> Map.of("heading", s.heading(), "level", s.level(), "text", s.text()))
                        .toList());
        json.put("references", paper.references());
        json.put("links", paper.links());
        json.put("ids", paper.ids());
        json.put("source", paper.source());
        json.put("url", paper.url());
        json.put("relatedWork", related.papers().stream().map(PaperReport::json).toList());
        json.put("relatedWorkSources", related.sources());
        return json;
    }

    private static Map<String, Object> json(RelatedPaper r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", r.title());
        json.put("year", r.year());
        json.put("abstract", r.abstractText());
        json.put("authors", r.authors());
        json.put("url", r.url());
        json.put("source", r.source());
        json.put("score", r.score());
        return json;
    }
}
