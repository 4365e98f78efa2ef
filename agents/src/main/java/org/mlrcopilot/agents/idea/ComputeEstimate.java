package org.mlrcopilot.agents.idea;

/** Estimated compute for an experiment plan, in hours. */
public record ComputeEstimate(double cpuHours, double gpuHours) {

    public ComputeEstimate {
        if (!(cpuHours >= 0 && gpuHours >= 0) || Double.isInfinite(cpuHours) || Double.isInfinite(gpuHours)) {
            throw new IllegalArgumentException(
                    "compute hours must be finite and >= 0: cpu " + cpuHours + ", gpu " + gpuHours);
        }
    }
}
