package org.mlrcopilot.agents.idea;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.Section;

/** The MLR-Copilot paper, related papers, and well-formed model answers for each step. */
final class Fixtures {

    static final String LAST_APPENDIX_SENTENCE = "The full prompt used by IdeaAgent for hypothesis generation";

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/idea/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String answer(String step) {
        return text("answers/" + step + ".json");
    }

    static RelatedWork relatedWork() {
        try {
            List<RelatedPaper> papers = new ObjectMapper().readValue(text("related.json"), new TypeReference<>() {});
            return new RelatedWork(papers, List.of(new SourceStatus("semantic-scholar", true, "7 results", 420)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Paper paper() {
        String title = "";
        String abstractText = "";
        List<String> authors = List.of();
        List<Section> sections = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String arxiv = "";
        String[] blocks =
                text("mlr-copilot-paper.txt").replace("{{RUN_LOG}}", runLog()).split("\n(?=#)");
        for (String block : blocks) {
            String head = block.lines().findFirst().orElseThrow();
            String body = block.substring(head.length()).strip();
            String[] words = head.split(" ", 3);
            switch (words[0]) {
                case "#title" -> title = head.substring("#title ".length());
                case "#authors" ->
                    authors = List.of(head.substring("#authors ".length()).split("; "));
                case "#arxiv" -> arxiv = words[1];
                case "#abstract" -> abstractText = body;
                case "#section" -> sections.add(new Section(words[2], Integer.parseInt(words[1]), body));
                case "#references" -> references.addAll(body.lines().toList());
                default -> throw new IllegalStateException("unknown fixture line " + head);
            }
        }
        return new Paper(
                new PaperIds(arxiv, "v3", "", "", ""),
                title,
                authors,
                abstractText,
                sections,
                references,
                List.of("https://github.com/du-nlp-lab/MLR-Copilot"),
                "arxiv-html",
                "https://arxiv.org/html/" + arxiv + "v3",
                "");
    }

    /** An appendix table of execution runs, long enough to push the paper past the default text limit. */
    private static String runLog() {
        String[] tasks = {"SemRel", "ELLIPSE", "ANLI", "Amazon-Reviews shift", "MasakhaNER"};
        String[] backbones = {"GPT-4", "Claude 3.5 Sonnet", "Llama-3.1-70B"};
        String[] outcomes = {"success", "success", "missing dependency", "success", "time limit exceeded"};
        StringBuilder log = new StringBuilder("Run | task | backbone | attempt | outcome | metric | minutes\n");
        for (int run = 1; run <= 150; run++) {
            log.append(String.format(
                    Locale.ROOT,
                    "Run %03d | %s | %s | attempt %d | %s | %.3f | %d min%n",
                    run,
                    tasks[run % 5],
                    backbones[run % 3],
                    1 + run % 4,
                    outcomes[(run / 5) % 5],
                    0.5 + (run * 37 % 400) / 1000.0,
                    10 + run * 7 % 90));
        }
        return log.toString();
    }
}
