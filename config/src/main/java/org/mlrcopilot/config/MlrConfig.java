package org.mlrcopilot.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The whole configuration of the bot. Load it with {@link ConfigLoader}. */
public record MlrConfig(
        SandboxConfig sandbox,
        LlmConfig llm,
        FetchConfig fetch,
        BudgetConfig budget,
        WebConfig web,
        StoreConfig store,
        SlackConfig slack,
        DiscordConfig discord,
        ResearchSecrets research,
        PapersConfig papers,
        ExperimentConfig experiment,
        ServiceConfig service) {

    public MlrConfig {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(research, "research");
        Objects.requireNonNull(papers, "papers");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(service, "service");
    }

    /** The built-in defaults, as if no file or environment variable were set. */
    public static MlrConfig defaults() {
        return ConfigLoader.load(null, null, Map.of()).config();
    }

    /** The raw value of every secret that is set, e.g. to make sure none of them reaches a sandbox. */
    public List<String> secretValues() {
        return Arrays.stream(Key.values())
                .filter(Key::secret)
                .map(key -> (Secret) key.valueIn(this))
                .filter(Secret::isPresent)
                .map(Secret::reveal)
                .distinct()
                .toList();
    }

    static MlrConfig from(Values v) {
        return new MlrConfig(
                SandboxConfig.from(v),
                LlmConfig.from(v),
                FetchConfig.from(v),
                BudgetConfig.from(v),
                WebConfig.from(v),
                StoreConfig.from(v),
                SlackConfig.from(v),
                DiscordConfig.from(v),
                ResearchSecrets.from(v),
                PapersConfig.from(v),
                ExperimentConfig.from(v),
                ServiceConfig.from(v));
    }
}
