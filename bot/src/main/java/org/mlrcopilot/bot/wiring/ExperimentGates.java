package org.mlrcopilot.bot.wiring;

import org.mlrcopilot.agents.experiment.ApprovalGate;
import org.mlrcopilot.agents.experiment.CostGate;
import org.mlrcopilot.agents.usage.Price;
import org.mlrcopilot.config.ExperimentConfig;
import org.mlrcopilot.config.MlrConfig;

/** The run's approval gates from configuration. */
public final class ExperimentGates {

    /** Output tokens assumed for one step when estimating its cost. */
    private static final int EXPECTED_OUTPUT_TOKENS = 1000;

    private ExperimentGates() {}

    public static ApprovalGate gate(ExperimentConfig config, boolean copilot) {
        if (copilot) {
            return ApprovalGate.EVERY_STEP;
        }
        return switch (config.approval()) {
            case "first-execution" -> ApprovalGate.BEFORE_FIRST_EXECUTION;
            case "every-step" -> ApprovalGate.EVERY_STEP;
            default -> ApprovalGate.NONE;
        };
    }

    /**
     * The gate of a run started from the command line: whoever typed the command approved its first execution, so
     * {@code first-execution} asks nothing there; every-step and --copilot still ask at the terminal.
     */
    public static ApprovalGate commandLine(ExperimentConfig config, boolean copilot) {
        ApprovalGate gate = gate(config, copilot);
        return gate == ApprovalGate.BEFORE_FIRST_EXECUTION ? ApprovalGate.NONE : gate;
    }

    /** Prompt tokens estimated as characters / 4, priced at the main model's list price. */
    public static CostGate costGate(MlrConfig config, String mainModel) {
        if (!config.experiment().approval().equals("above-cost")) {
            return CostGate.none();
        }
        Price price = Prices.table(config.budget().prices()).priceOf(mainModel);
        return new CostGate(
                config.experiment().approvalCostUsd(), chars -> price.cost(chars / 4, EXPECTED_OUTPUT_TOKENS, 0));
    }
}
