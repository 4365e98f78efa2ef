package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.RunState;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.research.Feedback;
import org.mlrcopilot.agents.research.HypothesisState;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStatus;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.agents.research.StoredHypothesis;
import org.mlrcopilot.agents.research.Vote;
import org.mlrcopilot.agents.research.VoteCount;
import org.mlrcopilot.agents.usage.Usage;
import org.mlrcopilot.bot.auth.AuditLog;
import org.mlrcopilot.bot.auth.AuthStore;
import org.mlrcopilot.bot.auth.Person;
import org.mlrcopilot.bot.auth.Role;
import org.mlrcopilot.bot.conversation.MessageLink;
import org.mlrcopilot.bot.conversation.MessageRole;
import org.mlrcopilot.bot.store.Store;
import org.mlrcopilot.bot.store.Stores;
import org.mlrcopilot.bot.store.TestPostgres;

/** `mlr store migrate`: an H2 store with something in every table, copied into a real PostgreSQL database. */
class StoreMigrateCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private TestPostgres.Database target;

    @BeforeEach
    void createTarget() throws IOException {
        target = TestPostgres.available().createDatabase("migrate");
        Files.writeString(
                dir.resolve(".env"),
                "MLR_STORE_USER=" + target.env().get("MLR_STORE_USER") + "\nMLR_STORE_PASSWORD="
                        + target.env().get("MLR_STORE_PASSWORD") + "\n");
    }

    @AfterEach
    void dropTarget() {
        target.close();
    }

    @Test
    void copiesEveryTableAndTheCopyIsTheStoreAfterwards() {
        fill(dir.resolve("data"));

        CliRunner.Outcome outcome = migrate();

        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out())
                .contains("into PostgreSQL database " + target.url())
                .containsPattern("researches\\s+2\\s+2\\n")
                .containsPattern("feedback\\s+2\\s+2\\n")
                .containsPattern("audit\\s+1\\s+1\\n")
                .contains("every count matches")
                .doesNotContainPattern("\\s0\\s+0\\n");
        assertThat(copyOf(outcome.out())).as("one line per table").hasSize(19);
        try (Store copy = target.open()) {
            assertThat(copy.research("r-1")).map(Research::title).contains("SPECTER");
            assertThat(copy.recent(10)).extracting(Research::id).containsExactly("r-2", "r-1");
            assertThat(copy.votes("r-1", "H1", 1)).isEqualTo(new VoteCount(1, 1));
            assertThat(copy.steps("run-1")).extracting(StepRecord::action).containsExactly("list_files");
            assertThat(copy.firstTime("web:e1")).isFalse();
            assertThat(copy.papers().byKey("arxiv:2408.14033"))
                    .map(Paper::title)
                    .contains("SPECTER");
            assertThat(copy.usage().ofResearch("r-1")).extracting(Usage::at).containsExactly(T0);
            assertThat(copy.checkpoints().load("run-1")).map(RunState::step).contains(1);
            assertThat(copy.auth().personNamed("ada")).map(Person::role).contains(Role.ADMIN);
            assertThat(copy.auth().personOf("slack", "U1")).contains("p-1");
            assertThat(copy.messageFor("r-1", MessageRole.parse("root")))
                    .map(MessageLink::messageId)
                    .contains("m1");

            copy.add(new Feedback("r-1", "H1", "", "cy", "after the move", T0));
            copy.audit().record(new AuditLog.Entry(T0, "ada", "web", "127.0.0.1", "sign-in", "after the move"));
            assertThat(copy.feedback("r-1", "H1"))
                    .extracting(Feedback::text)
                    .as("new rows continue the copied ids")
                    .containsExactly("first", "second", "after the move");
            assertThat(copy.audit().recent(1))
                    .extracting(AuditLog.Entry::detail)
                    .containsExactly("after the move");
        }
    }

    @Test
    void aTargetHoldingDataIsRefusedUnlessForced() {
        fill(dir.resolve("data"));
        assertThat(migrate().exitCode()).isZero();

        CliRunner.Outcome again = migrate();
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("the target store is not empty", "--force");

        CliRunner.Outcome forced = migrate("--force");
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        assertThat(forced.out()).containsPattern("researches\\s+2\\s+2\\n");
    }

    @Test
    void aDirectoryWithoutAStoreIsAClearError() {
        CliRunner.Outcome outcome = migrate();
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.err()).contains("no H2 store in", "mlr.mv.db not found");
    }

    private static List<String> copyOf(String out) {
        return out.lines().filter(l -> l.matches("[a-z_]+\\s+\\d+\\s+\\d+")).toList();
    }

    private CliRunner.Outcome migrate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--dir",
                dir.toString(),
                "store",
                "migrate",
                "--from",
                dir.resolve("data").toString(),
                "--to",
                target.url()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** Something in every table, through the store's own ports. */
    private static void fill(Path data) {
        try (Store store = Stores.open(data)) {
            store.save(research("r-1", 0).titled("SPECTER"));
            store.save(research("r-2", 1));
            store.save(
                    new StoredBrief("r-1", "arxiv:2408.14033", "t", "a", null, new RelatedWork(List.of(), List.of())));
            store.save(new StoredHypothesis("r-1", 0, hypothesis(), HypothesisState.PROPOSED));
            store.add(new Feedback("r-1", "H1", "", "bob", "first", T0));
            store.add(new Feedback("r-1", "H1", "", "ann", "second", T0));
            store.vote(new Vote("r-1", "H1", 1, "bob", 1));
            store.vote(new Vote("r-1", "H1", 1, "ann", -1));
            store.save(new ResearchRun(
                    "run-1",
                    "r-1",
                    "H1",
                    1,
                    "digits",
                    "u1",
                    "alice",
                    RunStatus.RUNNING,
                    0,
                    30,
                    "/data/runs/run-1",
                    null,
                    T0,
                    T0));
            store.add("run-1", new StepRecord(1, "list_files", "{}", "train.py", List.of(), 10, 100, 5, 20));
            store.link(new MessageLink("web", "research", "m1", "m1", "r-1", MessageRole.parse("root")));
            assertThat(store.firstTime("web:e1")).isTrue();
            store.papers()
                    .put(
                            "arxiv:2408.14033",
                            new Paper(
                                    new PaperIds("2408.14033", "v2", "", "", ""),
                                    "SPECTER",
                                    List.of("Ada"),
                                    "An abstract.",
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    "arxiv-html",
                                    "https://arxiv.org/abs/2408.14033v2",
                                    "a".repeat(64)));
            store.usage()
                    .record(new Usage(
                            "r-1",
                            "team",
                            "main",
                            "gpt-x",
                            100,
                            10,
                            2,
                            java.time.Duration.ofMillis(5),
                            "ok",
                            0.25,
                            T0));
            store.checkpoints().save(new RunState("run-1", 1, "log", List.of(), false, null, Double.NaN));
            AuthStore auth = store.auth();
            auth.save(new Person("p-1", "ada", Role.ADMIN, "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", T0));
            auth.save(new AuthStore.Invite("i".repeat(64), Role.MEMBER, "p-1", T0.plusSeconds(3600), null));
            auth.save(new AuthStore.Session("s".repeat(64), "p-1", T0, T0));
            auth.link("slack", "U1", "p-1", T0);
            auth.saveLinkCode("c".repeat(64), "discord", "D1", T0.plusSeconds(600));
            store.audit().record(new AuditLog.Entry(T0, "ada", "web", "127.0.0.1", "sign-in", "password"));
        }
    }

    private static Hypothesis hypothesis() {
        ExperimentPlan plan = new ExperimentPlan(
                "objective",
                List.of(new DatasetRef("digits", "sklearn")),
                List.of("logistic regression"),
                List.of("svc"),
                List.of("accuracy"),
                List.of("train", "evaluate"),
                new ComputeEstimate(0.1, 0),
                "beats the baseline by 1%");
        return new Hypothesis(
                "H1", 1, "title", "method", "rationale", "outcome", List.of("risk"), plan, null, "", List.of());
    }

    private static Research research(String id, int minute) {
        Instant at = T0.plusSeconds(60L * minute);
        return new Research(
                id, "https://arxiv.org/abs/2408.14033", "u1", "web", "web", ResearchStatus.READY, "d", "", at, at);
    }
}
