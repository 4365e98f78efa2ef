package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderPrecedenceTest {

    @TempDir
    Path dir;

    @Test
    void laterLayersWinKeyByKey() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), """
                sandbox:
                  backend: docker
                  image: from-yaml:1
                  network: bridge
                  memory: 1g
                """);
        Files.writeString(dir.resolve(".env"), """
                MLR_SANDBOX_IMAGE=from-dotenv:1
                MLR_SANDBOX_NETWORK=host
                """);

        LoadedConfig loaded = ConfigLoader.load(dir, Map.of("MLR_SANDBOX_NETWORK", "lab-net"));
        SandboxConfig sandbox = loaded.config().sandbox();

        assertThat(sandbox.cpus()).isEqualTo(1.0);
        assertThat(sandbox.backend()).isEqualTo("docker");
        assertThat(sandbox.memoryBytes()).isEqualTo(1L << 30);
        assertThat(sandbox.image()).isEqualTo("from-dotenv:1");
        assertThat(sandbox.network()).isEqualTo("lab-net");
        assertThat(loaded.sources())
                .containsEntry("sandbox.cpus", "default")
                .containsEntry("sandbox.backend", "mlr.yaml")
                .containsEntry("sandbox.image", ".env")
                .containsEntry("sandbox.network", "environment variable MLR_SANDBOX_NETWORK");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void missingOrNullFilesAreFine() {
        assertThat(ConfigLoader.load(dir, Map.of()).config()).isEqualTo(MlrConfig.defaults());
        assertThat(ConfigLoader.load(null, null, Map.of()).config()).isEqualTo(MlrConfig.defaults());
        assertThat(ConfigLoader.load(dir.resolve("nope.yaml"), dir.resolve("nope.env"), Map.of())
                        .warnings())
                .isEmpty();
    }

    @Test
    void experimentsAskTheTeamBeforeTheirFirstExecutionUnlessToldOtherwise() {
        assertThat(MlrConfig.defaults().experiment().approval()).isEqualTo("first-execution");
        assertThat(ConfigLoader.load(dir, Map.of("MLR_EXPERIMENT_APPROVAL", "none"))
                        .config()
                        .experiment()
                        .approval())
                .isEqualTo("none");
    }

    @Test
    void explicitFilesMayHaveAnyName() throws IOException {
        Path yaml = Files.writeString(dir.resolve("prod.yaml"), "web:\n  port: 9000\n");
        Path env = Files.writeString(dir.resolve("prod.env"), "MLR_STORE_DATA_DIR=/srv/mlr\n");

        LoadedConfig loaded = ConfigLoader.load(yaml, env, Map.of());

        assertThat(loaded.config().web().port()).isEqualTo(9000);
        assertThat(loaded.config().store().dataDir()).isEqualTo(Path.of("/srv/mlr"));
        assertThat(loaded.sources()).containsEntry("web.port", "prod.yaml").containsEntry("store.dataDir", "prod.env");
    }

    @Test
    void everyKeyIsSettableThroughItsEnvironmentName() {
        Map<String, String> env = Map.of(
                "MLR_SANDBOX_ALLOW_UNSAFE_PROCESS", "yes",
                "MLR_LLM_FAST_MODEL", "claude-haiku",
                "MLR_SANDBOX_PIDS_LIMIT", "64",
                "MLR_BUDGET_PER_RESEARCH_USD", "2.5",
                "MLR_FETCH_READ_TIMEOUT", "45s",
                "MLR_SLACK_CHANNELS", "research, ml-ops",
                "MLR_RESEARCH_HUGGING_FACE_TOKEN", "hf_abc");

        MlrConfig config = ConfigLoader.load(null, null, env).config();

        assertThat(config.sandbox().allowUnsafeProcess()).isTrue();
        assertThat(config.llm().fastModel()).isEqualTo("claude-haiku");
        assertThat(config.sandbox().pidsLimit()).isEqualTo(64);
        assertThat(config.budget().perResearchUsd()).isEqualTo(2.5);
        assertThat(config.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.slack().channels()).containsExactly("research", "ml-ops");
        assertThat(config.research().huggingFaceToken().reveal()).isEqualTo("hf_abc");
    }

    @Test
    void readsConventionalSecretNames() {
        Map<String, String> env = Map.of(
                "OPENAI_API_KEY", "sk-openai",
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_APP_TOKEN", "xapp-1",
                "SLACK_SIGNING_SECRET", "signing",
                "DISCORD_BOT_TOKEN", "discord",
                "HF_TOKEN", "hf",
                "SEMANTIC_SCHOLAR_API_KEY", "s2",
                "CLAUDE_API_KEY", "sk-claude");

        LoadedConfig loaded = ConfigLoader.load(null, null, env);
        MlrConfig config = loaded.config();

        assertThat(config.llm().anthropicApiKey().reveal()).isEqualTo("sk-claude");
        assertThat(config.llm().openaiApiKey().reveal()).isEqualTo("sk-openai");
        assertThat(config.slack().botToken().reveal()).isEqualTo("xoxb-1");
        assertThat(config.slack().appToken().reveal()).isEqualTo("xapp-1");
        assertThat(config.slack().signingSecret().reveal()).isEqualTo("signing");
        assertThat(config.discord().botToken().reveal()).isEqualTo("discord");
        assertThat(config.research().huggingFaceToken().reveal()).isEqualTo("hf");
        assertThat(config.research().semanticScholarApiKey().reveal()).isEqualTo("s2");
        assertThat(loaded.sources()).containsEntry("llm.anthropicApiKey", "environment variable CLAUDE_API_KEY");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void anthropicApiKeyWinsOverClaudeApiKey() {
        Map<String, String> env = Map.of("CLAUDE_API_KEY", "sk-claude", "ANTHROPIC_API_KEY", "sk-anthropic");

        assertThat(ConfigLoader.load(null, null, env)
                        .config()
                        .llm()
                        .anthropicApiKey()
                        .reveal())
                .isEqualTo("sk-anthropic");
    }

    @Test
    void mlrNameWinsOverConventionalName() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-conventional", "MLR_LLM_ANTHROPIC_API_KEY", "sk-mlr");

        LoadedConfig loaded = ConfigLoader.load(null, null, env);

        assertThat(loaded.config().llm().anthropicApiKey().reveal()).isEqualTo("sk-mlr");
        assertThat(loaded.sources())
                .containsEntry("llm.anthropicApiKey", "environment variable MLR_LLM_ANTHROPIC_API_KEY");
    }

    @Test
    void mlrNameWinsOverConventionalNameInsideDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "MLR_SLACK_BOT_TOKEN=xoxb-mlr\nSLACK_BOT_TOKEN=xoxb-conventional\n");

        assertThat(ConfigLoader.load(dir, Map.of()).config().slack().botToken().reveal())
                .isEqualTo("xoxb-mlr");
    }

    @Test
    void environmentConventionalNameBeatsDotEnvMlrName() throws IOException {
        Files.writeString(dir.resolve(".env"), "MLR_LLM_OPENAI_API_KEY=sk-file\n");

        LoadedConfig loaded = ConfigLoader.load(dir, Map.of("OPENAI_API_KEY", "sk-env"));

        assertThat(loaded.config().llm().openaiApiKey().reveal()).isEqualTo("sk-env");
    }

    @Test
    void emptyConventionalNameIsIgnored() throws IOException {
        Files.writeString(dir.resolve(".env"), "ANTHROPIC_API_KEY=sk-file\n");

        LoadedConfig loaded = ConfigLoader.load(dir, Map.of("ANTHROPIC_API_KEY", ""));

        assertThat(loaded.config().llm().anthropicApiKey().reveal()).isEqualTo("sk-file");
    }

    @Test
    void dotEnvSyntax() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                # secrets for the lab
                export MLR_LLM_PROVIDER=anthropic

                MLR_LLM_MODEL="claude sonnet"   # quoted
                MLR_DISCORD_APPROVER_ROLE=81234567890123
                MLR_SANDBOX_IMAGE = lab/image:2 # trailing comment
                ANTHROPIC_API_KEY=sk-ant-with#hash
                MLR_SANDBOX_RUNTIME=
                """);

        MlrConfig config = ConfigLoader.load(dir, Map.of()).config();
        LlmConfig llm = config.llm();

        assertThat(llm.provider()).isEqualTo("anthropic");
        assertThat(llm.model()).isEqualTo("claude sonnet");
        assertThat(llm.anthropicApiKey().reveal()).isEqualTo("sk-ant-with#hash");
        assertThat(config.discord().approverRole()).isEqualTo("81234567890123");
        assertThat(config.sandbox().image()).isEqualTo("lab/image:2");
        assertThat(config.sandbox().runtime()).isEmpty();
    }

    @Test
    void yamlAcceptsListsCommaStringsAndDottedKeys() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), """
                slack:
                  channels: [research, "ml-ops"]
                discord:
                  channels: "general, papers"
                store.dataDir: ~/mlr-data
                budget:
                  perDayTokens: 30_000_000
                sandbox:
                  timeout: 900
                """);

        MlrConfig config = ConfigLoader.load(dir, Map.of()).config();

        assertThat(config.slack().channels()).containsExactly("research", "ml-ops");
        assertThat(config.discord().channels()).containsExactly("general", "papers");
        assertThat(config.store().dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), "mlr-data"));
        assertThat(config.budget().perDayTokens()).isEqualTo(30_000_000L);
        assertThat(config.sandbox().timeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void secretValuesListsEverySetSecret() {
        Map<String, String> env =
                Map.of("ANTHROPIC_API_KEY", "sk-a", "HF_TOKEN", "hf-b", "MLR_SLACK_APP_TOKEN", "xapp-c");

        assertThat(ConfigLoader.load(null, null, env).config().secretValues())
                .containsExactlyInAnyOrder("sk-a", "hf-b", "xapp-c");
        assertThat(MlrConfig.defaults().secretValues()).isEmpty();
    }
}
