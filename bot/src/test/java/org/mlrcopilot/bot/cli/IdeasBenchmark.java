package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.IdeaProgress;
import org.mlrcopilot.agents.idea.IdeaSettings;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.llm.LlmProviders;
import org.mlrcopilot.bot.llm.RecordedLlmRequest;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.Secret;
import org.mlrcopilot.papers.pdf.PdfPaper;
import org.mlrcopilot.papers.pdf.PdfPaperReader;

/**
 * Calls and prompt tokens of the whole idea stage (3 hypotheses) on the fixture papers, through the
 * real OpenAI client and a fake LLM server. Prompt tokens are counted with the GPT-4o tokenizer over
 * everything the request carries as input (messages and the JSON schema). Run from the repository:
 * {@code mvn -q -pl bot test-compile exec:java -Dexec.mainClass=org.mlrcopilot.bot.cli.IdeasBenchmark
 * -Dexec.classpathScope=test}
 */
public final class IdeasBenchmark {

    private static final Path ROOT = Files.isDirectory(Path.of("agents")) ? Path.of(".") : Path.of("..");
    private static final int TARGET_CALLS = 8;
    private static final int TARGET_PROMPT_TOKENS = 40_000;

    private IdeasBenchmark() {}

    public static void main(String[] args) throws IOException {
        OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator("gpt-4o");
        RelatedWork related = related();
        System.out.printf("%-28s %6s %14s %s%n", "paper", "calls", "prompt tokens", "per call");
        for (String name : List.of("2020.acl-main.207.pdf", "N18-3011.pdf")) {
            Paper paper = paper(name);
            try (FakeLlmServer llm = FakeLlmServer.start()) {
                script(llm);
                LlmModels models = models(llm);
                new IdeaAgent(models.main(), models.fast(), query -> related, IdeaSettings.defaults())
                        .run(paper, IdeaProgress.silent());
                List<Integer> perCall = new ArrayList<>();
                for (RecordedLlmRequest r : llm.requests()) {
                    perCall.add(tokens.estimateTokenCountInText(
                            r.body().get("messages").toString()
                                    + (r.body().has("response_format")
                                            ? r.body().get("response_format").toString()
                                            : "")));
                }
                int total = perCall.stream().mapToInt(Integer::intValue).sum();
                System.out.printf(
                        "%-28s %6d %14d %s   target <= %d calls, <= %d tokens: %s%n",
                        name,
                        perCall.size(),
                        total,
                        perCall,
                        TARGET_CALLS,
                        TARGET_PROMPT_TOKENS,
                        perCall.size() <= TARGET_CALLS && total <= TARGET_PROMPT_TOKENS ? "met" : "MISSED");
            }
        }
    }

    private static void script(FakeLlmServer llm) throws IOException {
        Path answers = ROOT.resolve("agents/src/test/resources/idea/answers");
        for (String step : List.of("elements.json", "hypotheses.json", "review.json")) {
            llm.enqueueText(Files.readString(answers.resolve(step)), 1000, 500);
        }
    }

    private static LlmModels models(FakeLlmServer llm) {
        return LlmProviders.fromConfig(new LlmConfig(
                        "openai",
                        "gpt-4o",
                        "gpt-4o-mini",
                        llm.baseUrl("openai"),
                        0.2,
                        Duration.ofSeconds(30),
                        0,
                        Secret.none(),
                        Secret.of("sk-benchmark")))
                .orElseThrow();
    }

    private static Paper paper(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(
                ROOT.resolve("papers/src/test/resources/papers").resolve(name));
        PdfPaper pdf = new PdfPaperReader().read(bytes);
        return new Paper(
                PaperIds.none(),
                pdf.title(),
                pdf.authors(),
                pdf.abstractText(),
                pdf.sections(),
                pdf.references(),
                pdf.links(),
                "pdf",
                name,
                "");
    }

    private static RelatedWork related() throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<RelatedPaper> papers = new ArrayList<>();
        for (JsonNode n : json.readTree(
                ROOT.resolve("agents/src/test/resources/idea/related.json").toFile())) {
            papers.add(new RelatedPaper(
                    n.get("title").asText(),
                    n.get("year").asInt(),
                    n.get("abstractText").asText(),
                    List.of(),
                    "",
                    "",
                    "",
                    "semantic-scholar",
                    0.8));
        }
        return new RelatedWork(papers, List.of());
    }
}
