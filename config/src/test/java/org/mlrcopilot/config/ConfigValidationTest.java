package org.mlrcopilot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MLR_SANDBOX_MEMORY           | lots    | sandbox.memory: \"lots\" is not a size like 512m or 2g",
                "MLR_SANDBOX_BACKEND          | vm      | sandbox.backend: \"vm\" must be one of auto, docker, bwrap, slurm, process",
                "MLR_LLM_PROVIDER             | gemini  | llm.provider: \"gemini\" must be one of \"\", anthropic, openai, ollama, openai-compatible",
                "MLR_WEB_PORT                 | 0       | web.port: \"0\" must be between 1 and 65535",
                "MLR_WEB_PORT                 | 70000   | web.port: \"70000\" must be between 1 and 65535",
                "MLR_WEB_PORT                 | http    | web.port: \"http\" is not a whole number",
                "MLR_SANDBOX_TIMEOUT          | 0s      | sandbox.timeout: \"0s\" must be longer than 0",
                "MLR_SANDBOX_TIMEOUT          | soon    | sandbox.timeout: \"soon\" is not a duration like 90s, 10m, 1h or 500ms",
                "MLR_SANDBOX_OUTPUT_LIMIT     | 0       | sandbox.outputLimit: \"0\" must be greater than 0",
                "MLR_FETCH_MAX_BYTES          | 0k      | fetch.maxBytes: \"0k\" must be greater than 0",
                "MLR_SANDBOX_CPUS             | 0       | sandbox.cpus: \"0\" must be greater than 0",
                "MLR_SANDBOX_PIDS_LIMIT       | 8       | sandbox.pidsLimit: \"8\" must be at least 16",
                "MLR_SANDBOX_NOFILE           | 0       | sandbox.nofile: \"0\" must be at least 1",
                "MLR_LLM_TEMPERATURE          | 2.5     | llm.temperature: \"2.5\" must be between 0 and 2",
                "MLR_LLM_MAX_RETRIES          | -1      | llm.maxRetries: \"-1\" must be at least 0",
                "MLR_SANDBOX_GPUS             | some    | sandbox.gpus: \"some\" must be empty, all or a positive number",
                "MLR_SANDBOX_GPUS             | 0       | sandbox.gpus: \"0\" must be empty, all or a positive number",
                "MLR_SLACK_MODE               | webhook | slack.mode: \"webhook\" must be one of socket, http",
                "MLR_SLACK_API_URL            | ftp://x | slack.apiUrl: \"ftp://x\" must be an http(s) URL",
                "MLR_LLM_BASE_URL             | local   | llm.baseUrl: \"local\" must be empty or an http(s) URL",
                "MLR_BUDGET_PER_DAY_USD       | -3      | budget.perDayUsd: \"-3\" must be greater than 0",
                "MLR_BUDGET_PER_DAY_TOKENS    | 0       | budget.perDayTokens: \"0\" must be at least 1",
                "MLR_SANDBOX_ALLOW_UNSAFE_PROCESS | sure | sandbox.allowUnsafeProcess: \"sure\" is not a boolean (true/false, yes/no, 1/0)",
            })
    void namesKeyValueRuleAndSource(String variable, String value, String expected) {
        assertThatThrownBy(() -> ConfigLoader.load(null, null, Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected + " (from environment variable " + variable + ")");
    }

    @Test
    void acceptsValidEdgeValues() {
        Map<String, String> env = Map.of(
                "MLR_SANDBOX_GPUS",
                "all",
                "MLR_LLM_TEMPERATURE",
                "0",
                "MLR_SANDBOX_PIDS_LIMIT",
                "16",
                "MLR_WEB_PORT",
                "65535",
                "MLR_LLM_PROVIDER",
                "OpenAI-Compatible",
                "MLR_LLM_BASE_URL",
                "http://localhost:11434/v1",
                "MLR_SANDBOX_RUNTIME",
                "runsc");

        MlrConfig config = ConfigLoader.load(null, null, env).config();

        assertThat(config.sandbox().gpus()).isEqualTo("all");
        assertThat(config.llm().provider()).isEqualTo("openai-compatible");
        assertThat(config.web().port()).isEqualTo(65535);
    }

    @Test
    void namesTheFileAValueCameFrom() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\n  memory: lots\n");
        Files.writeString(dir.resolve(".env"), "MLR_WEB_PORT=99999\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
                .hasMessageContaining("sandbox.memory: \"lots\" is not a size like 512m or 2g (from mlr.yaml)")
                .hasMessageContaining("web.port: \"99999\" must be between 1 and 65535 (from .env)");
    }

    @Test
    void collectsEveryProblemIntoOneException() {
        Map<String, String> env = Map.of("MLR_SANDBOX_MEMORY", "lots", "MLR_WEB_PORT", "0", "MLR_SLACK_MODE", "rtm");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(null, null, env));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage())
                .startsWith("3 configuration problems:")
                .contains("sandbox.memory: \"lots\"", "web.port: \"0\"", "slack.mode: \"rtm\"");
    }

    @Test
    void laterValidValueHidesEarlierBadOne() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "web:\n  port: not-a-port\n");

        assertThat(ConfigLoader.load(dir, Map.of("MLR_WEB_PORT", "9090"))
                        .config()
                        .web()
                        .port())
                .isEqualTo(9090);
    }

    @Test
    void rejectsAYamlListForASingleValue() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\n  backend: [docker, bwrap]\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
                .hasMessage("sandbox.backend: \"docker,bwrap\" must be a single value, not a list (from mlr.yaml)");
    }

    @Test
    void invalidYamlNamesTheFile() throws IOException {
        Path yaml = Files.writeString(dir.resolve("mlr.yaml"), "sandbox:\n  backend: docker\n bad: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(yaml + " is not valid YAML: line ");
    }

    @Test
    void duplicateYamlKeysAreInvalid() throws IOException {
        Files.writeString(dir.resolve("mlr.yaml"), "web:\n  port: 1\n  port: 2\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of())).hasMessageContaining("duplicate key port");
    }

    @Test
    void yamlMustBeAMapping() throws IOException {
        Path yaml = Files.writeString(dir.resolve("mlr.yaml"), "- sandbox\n- llm\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of())).hasMessageStartingWith(yaml.toString());
    }

    @Test
    void recordsValidateThemselves() {
        assertThatThrownBy(() -> new WebConfig(0, "127.0.0.1", "", "none", List.of(), Secret.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("web.port: \"0\" must be between 1 and 65535");
        assertThatThrownBy(
                        () -> new FetchConfig(false, 1024, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("fetch.connectTimeout: \"0s\" must be longer than 0");
        assertThatThrownBy(() -> new StoreConfig(null)).hasMessage("store.dataDir: a value is required");
        assertThatThrownBy(() -> new DiscordConfig("https://discord.com/api/v10/", "", List.of(" "), "", Secret.none()))
                .hasMessage("discord.channels: \" \" must not contain empty entries");
    }

    @Test
    void linksFromChatsUseThePublicAddressOfTheWebView() {
        assertThat(new WebConfig(8080, "0.0.0.0", "", "proxy", List.of(), Secret.none()).publicBase())
                .isEqualTo("http://localhost:8080");
        assertThat(new WebConfig(8080, "127.0.0.1", "https://mlr.example.org/", "none", List.of(), Secret.none())
                        .publicBase())
                .isEqualTo("https://mlr.example.org");
        assertThatThrownBy(() -> new WebConfig(8080, "127.0.0.1", "mlr.example.org", "none", List.of(), Secret.none()))
                .hasMessageStartingWith("web.publicUrl:");
    }

    @Test
    void approversAreIdsNotDisplayNames() {
        assertThat(ConfigLoader.load(
                                java.nio.file.Path.of("/nonexistent-dir"),
                                java.util.Map.of(
                                        "MLR_SERVICE_APPROVERS", "slack:U0123ABCD,discord:81234567890,web:a1b2c3,U9"))
                        .config()
                        .service()
                        .approvers())
                .containsExactly("slack:U0123ABCD", "discord:81234567890", "web:a1b2c3", "U9");
        assertThatThrownBy(() -> ConfigLoader.load(
                        java.nio.file.Path.of("/nonexistent-dir"),
                        java.util.Map.of("MLR_SERVICE_APPROVERS", "Alice Smith")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not display names");
        assertThatThrownBy(() -> ConfigLoader.load(
                        java.nio.file.Path.of("/nonexistent-dir"),
                        java.util.Map.of("MLR_DISCORD_APPROVER_ROLE", "Reviewers")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("role's id");
    }

    @Test
    void singleSignOnNeedsAClientId() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        java.nio.file.Path.of("/nonexistent-dir"),
                        java.util.Map.of("MLR_WEB_OIDC_ISSUER", "https://slack.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("web.oidc.clientId");
        OidcConfig oidc = ConfigLoader.load(
                        java.nio.file.Path.of("/nonexistent-dir"),
                        java.util.Map.of(
                                "MLR_WEB_OIDC_ISSUER",
                                "https://slack.com",
                                "MLR_WEB_OIDC_CLIENT_ID",
                                "123.456",
                                "MLR_OIDC_CLIENT_SECRET",
                                "s",
                                "MLR_WEB_OIDC_ALLOWED_DOMAINS",
                                "@Example.org"))
                .config()
                .web()
                .oidc();
        assertThat(oidc.enabled()).isTrue();
        assertThat(oidc.allowedDomains()).containsExactly("example.org");
        assertThat(oidc.clientSecret().reveal()).isEqualTo("s");
    }
}
