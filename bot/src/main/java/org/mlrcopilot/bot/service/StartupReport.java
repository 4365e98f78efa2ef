package org.mlrcopilot.bot.service;

import java.io.PrintStream;
import java.util.Optional;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.llm.LlmProviders;
import org.mlrcopilot.bot.llm.OllamaProbe;
import org.mlrcopilot.bot.metrics.ServiceMetrics;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.bot.sandbox.TimedSandbox;
import org.mlrcopilot.config.LlmConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.auto.SandboxSelector;

/** Resolves the language model and the sandbox at start-up and says what is enabled, missing, and how to fix it. */
final class StartupReport {

    private StartupReport() {}

    /** The configured models, else a local Ollama if one answers, else null (the service runs without). */
    static LlmModels models(MlrConfig config, PrintStream report) {
        Optional<LlmModels> configured = LlmProviders.fromConfig(config.llm());
        if (configured.isPresent()) {
            LlmModels m = configured.get();
            report.println("llm: " + m.provider() + " (main " + m.mainModel() + ", fast " + m.fastModel() + ")");
            return m;
        }
        Optional<LlmConfig> ollama = OllamaProbe.detect(config.llm(), OllamaProbe.DEFAULT_URL);
        if (ollama.isPresent()) {
            LlmModels m = LlmProviders.fromConfig(ollama.get()).orElseThrow();
            report.println("llm: local Ollama found at " + OllamaProbe.DEFAULT_URL + ", using " + m.mainModel()
                    + " (set MLR_LLM_MODEL to choose another)");
            return m;
        }
        report.println("llm: NONE: set ANTHROPIC_API_KEY or OPENAI_API_KEY, or MLR_LLM_PROVIDER=ollama (a local "
                + "Ollama at " + OllamaProbe.DEFAULT_URL + " is used automatically when it runs), or "
                + "MLR_LLM_PROVIDER=openai-compatible with MLR_LLM_BASE_URL. Until then papers are read and shown "
                + "with their related work; hypotheses and experiments say they need a model.");
        return null;
    }

    /** The sandbox sandbox.backend selects, timed into the metrics; null (with the reason) when none can run. */
    static Sandbox sandbox(MlrConfig config, ServiceMetrics metrics, PrintStream report) {
        try {
            SandboxSelector.Selection selection = Sandboxes.select(config);
            Sandbox s = selection.sandbox();
            report.println("sandbox: " + s.backend()
                    + (s.guarantees().contains(Guarantee.MEMORY_CGROUP)
                            ? ""
                            : " (weaker than Docker: no cgroup memory limit or CPU quota; install and start Docker for "
                                    + "the strongest isolation)"));
            selection.notes().forEach(n -> report.println("  passed over: " + n));
            return new TimedSandbox(s, metrics);
        } catch (SandboxException e) {
            report.println("sandbox: NONE: experiments cannot run: " + e.getMessage()
                    + " (install Docker or bubblewrap; see `./mlr sandbox status`)");
            return null;
        }
    }
}
