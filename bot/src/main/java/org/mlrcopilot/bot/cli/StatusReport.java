package org.mlrcopilot.bot.cli;

import java.util.Set;
import java.util.TreeSet;
import org.mlrcopilot.bot.llm.LlmConfigurationException;
import org.mlrcopilot.bot.llm.LlmProviders;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.sandbox.Guarantee;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.auto.SandboxSelector;

/** Human-readable lines about what is enabled, what is missing, and how to fix it. */
final class StatusReport {

    private StatusReport() {}

    /** The backend sandbox.backend selects on this machine, or why none can run experiments. */
    static String sandbox(MlrConfig config) {
        try {
            SandboxSelector.Selection selection = Sandboxes.select(config);
            try {
                return sandbox(selection);
            } finally {
                selection.sandbox().close();
            }
        } catch (SandboxException e) {
            return "sandbox: UNAVAILABLE: experiments cannot run: " + e.getMessage();
        }
    }

    static String sandbox(SandboxSelector.Selection selection) {
        Set<String> guarantees = new TreeSet<>();
        selection
                .sandbox()
                .guarantees()
                .forEach(g -> guarantees.add(g.name().toLowerCase().replace('_', '-')));
        StringBuilder out = new StringBuilder(
                "sandbox: " + selection.sandbox().backend() + "\n  guarantees: " + String.join(", ", guarantees));
        if (!selection.sandbox().guarantees().contains(Guarantee.MEMORY_CGROUP)) {
            out.append("\n  weaker than Docker: no cgroup memory limit or CPU quota");
        }
        selection.notes().forEach(n -> out.append("\n  passed over: ").append(n));
        if (selection.sandbox() instanceof org.mlrcopilot.sandbox.slurm.SlurmSandbox slurm) {
            slurm.status().forEach(p -> out.append("\n  partition ").append(p));
        }
        return out.toString();
    }

    static String llm(MlrConfig config) {
        try {
            return LlmProviders.fromConfig(config.llm())
                    .map(m -> "llm: " + m.provider() + " (main " + m.mainModel() + ", fast " + m.fastModel() + ")")
                    .orElse("llm: none configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY, or MLR_LLM_PROVIDER=ollama "
                            + "(local, http://localhost:11434) or openai-compatible with MLR_LLM_BASE_URL; papers are "
                            + "still read, the steps that need a model say so");
        } catch (LlmConfigurationException e) {
            return "llm: MISCONFIGURED: " + e.getMessage();
        }
    }
}
