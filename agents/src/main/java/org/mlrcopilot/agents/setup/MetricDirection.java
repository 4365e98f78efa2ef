package org.mlrcopilot.agents.setup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlrcopilot.agents.task.Direction;

/** Whether a metric improves upward or downward, from its name: errors and losses go down, the rest up. */
final class MetricDirection {

    private static final List<String> LOWER = List.of(
            "rmse",
            "mse",
            "mae",
            "mape",
            "loss",
            "error",
            "perplexity",
            "wer",
            "cer",
            "ece",
            "brier",
            "logloss",
            "log loss",
            "distance",
            "ter",
            "fpr",
            "latency",
            "runtime");
    private static final List<String> HIGHER = List.of(
            "accuracy",
            "acc",
            "f1",
            "precision",
            "recall",
            "auc",
            "roc",
            "r2",
            "r^2",
            "bleu",
            "rouge",
            "meteor",
            "bertscore",
            "chrf",
            "map",
            "ndcg",
            "mrr",
            "hit",
            "exact match",
            "em",
            "spearman",
            "pearson",
            "kendall",
            "correlation",
            "iou",
            "dice",
            "kappa",
            "agreement",
            "score");

    private MetricDirection() {}

    /** The direction the metric's name implies; empty when the name does not tell. */
    static Optional<Direction> of(String metric) {
        List<String> words = List.of(metric.toLowerCase(Locale.ROOT).split("[^a-z0-9^]+"));
        String lower = metric.toLowerCase(Locale.ROOT);
        if (LOWER.stream().anyMatch(w -> words.contains(w) || w.contains(" ") && lower.contains(w))) {
            return Optional.of(Direction.LOWER);
        }
        if (HIGHER.stream().anyMatch(w -> words.contains(w) || w.contains(" ") && lower.contains(w))) {
            return Optional.of(Direction.HIGHER);
        }
        return Optional.empty();
    }
}
