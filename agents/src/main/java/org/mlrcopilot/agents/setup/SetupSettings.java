package org.mlrcopilot.agents.setup;

import java.net.URI;
import java.util.Objects;

/**
 * How an experiment is set up from a plan.
 *
 * @param taskMatch       least similarity (cosine) for a registered task to be used instead of building one
 * @param maxDatasetBytes most bytes of data fetched for one experiment, all datasets together
 * @param maxCodeBytes    most bytes of the paper's code archive, packed and unpacked
 * @param maxModelBytes   most bytes of model files fetched for one experiment
 * @param maxRows         most rows kept per data file; larger files are sampled down
 * @param maxSteps        most agent steps of the set-up phase
 * @param hubUrl          the Hugging Face Hub
 * @param hfToken         sent to the Hub when not blank
 * @param githubApiUrl    GitHub's REST API
 */
public record SetupSettings(
        double taskMatch,
        long maxDatasetBytes,
        long maxCodeBytes,
        long maxModelBytes,
        int maxRows,
        int maxSteps,
        URI hubUrl,
        String hfToken,
        URI githubApiUrl) {

    public SetupSettings {
        if (!(taskMatch >= 0 && taskMatch <= 1)) {
            throw new IllegalArgumentException("taskMatch must be between 0 and 1, got " + taskMatch);
        }
        if (maxDatasetBytes <= 0 || maxCodeBytes <= 0 || maxModelBytes <= 0 || maxRows < 1 || maxSteps < 2) {
            throw new IllegalArgumentException("set-up limits must be positive (and at least 2 steps)");
        }
        Objects.requireNonNull(hubUrl, "hubUrl");
        hfToken = Objects.requireNonNullElse(hfToken, "").strip();
        Objects.requireNonNull(githubApiUrl, "githubApiUrl");
    }

    public static SetupSettings defaults() {
        return new SetupSettings(
                0.55,
                100L << 20,
                20L << 20,
                200L << 20,
                50_000,
                20,
                URI.create("https://huggingface.co"),
                "",
                URI.create("https://api.github.com"));
    }

    public SetupSettings withHub(URI hub, String token) {
        return new SetupSettings(
                taskMatch, maxDatasetBytes, maxCodeBytes, maxModelBytes, maxRows, maxSteps, hub, token, githubApiUrl);
    }

    public SetupSettings withGithub(URI api) {
        return new SetupSettings(
                taskMatch, maxDatasetBytes, maxCodeBytes, maxModelBytes, maxRows, maxSteps, hubUrl, hfToken, api);
    }

    public SetupSettings withLimits(long datasetBytes, long codeBytes, int rows, int steps) {
        return new SetupSettings(
                taskMatch, datasetBytes, codeBytes, maxModelBytes, rows, steps, hubUrl, hfToken, githubApiUrl);
    }

    public SetupSettings withTaskMatch(double value) {
        return new SetupSettings(
                value, maxDatasetBytes, maxCodeBytes, maxModelBytes, maxRows, maxSteps, hubUrl, hfToken, githubApiUrl);
    }
}
