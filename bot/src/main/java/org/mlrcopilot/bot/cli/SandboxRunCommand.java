package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.config.Units;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.auto.SandboxSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `mlr sandbox run <workspace> [options] -- <command...>`: output live, then a summary; exit code passed on. */
@Command(name = "run", description = "Run a command on a copy of a workspace in the sandbox; changed files come back.")
final class SandboxRunCommand implements Callable<Integer> {

    @ParentCommand
    SandboxCommand sandbox;

    @Parameters(index = "0", paramLabel = "<workspace-dir>", description = "Directory seen as /workspace.")
    Path workspace;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "<command>",
            description = "Command and arguments (after --).")
    List<String> command;

    @Option(names = "--timeout", description = "Wall-time limit, e.g. 60s (default: sandbox.timeout).")
    String timeout;

    @Option(names = "--memory", description = "Memory limit including swap, e.g. 512m (default: sandbox.memory).")
    String memory;

    @Option(names = "--cpus", description = "CPU share, e.g. 1.5 (default: sandbox.cpus).")
    Double cpus;

    @Option(names = "--output-limit", description = "Most output kept, e.g. 1m (default: sandbox.outputLimit).")
    String outputLimit;

    @Option(names = "--backend", description = "auto, docker, bwrap, slurm or process (default: sandbox.backend).")
    String backend;

    @Option(names = "--json", description = "End with one line of JSON describing the result.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        MlrConfig config = sandbox.mlr.config().config();
        String chosen = backend == null ? config.sandbox().backend() : backend;
        SandboxSelector.Selection selection = Sandboxes.select(config, chosen);
        try (Sandbox s = selection.sandbox()) {
            ExecutionResult result = s.run(ExecutionRequest.builder(workspace, command)
                    .limits(limits(config))
                    .network(Sandboxes.network(config.sandbox()))
                    .listener(new org.mlrcopilot.sandbox.OutputListener() {
                        @Override
                        public void onLine(OutputStream stream, String line) {
                            print(stream, line);
                        }

                        @Override
                        public void onStatus(String status) {
                            System.err.println("[" + status + "]");
                        }
                    })
                    .build());
            System.out.flush();
            System.err.println("\n" + result.summary() + changes(result));
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(summary(result)));
            }
            return result.timedOut() ? 124 : result.exitCode();
        }
    }

    private Limits limits(MlrConfig config) {
        Limits limits = Sandboxes.limits(config.sandbox());
        if (timeout != null) {
            limits = limits.withWallTime(Units.duration(timeout));
        }
        if (memory != null) {
            limits = limits.withMemoryBytes(Units.size(memory));
        }
        if (cpus != null) {
            limits = limits.withCpus(cpus);
        }
        if (outputLimit != null) {
            limits = limits.withOutputBytes(Units.size(outputLimit));
        }
        return limits;
    }

    private static void print(OutputListener.OutputStream stream, String line) {
        (stream == OutputListener.OutputStream.STDERR ? System.err : System.out).println(line);
    }

    private static String changes(ExecutionResult result) {
        String changed =
                result.changedFiles().isEmpty() ? "" : "\nchanged: " + String.join(", ", result.changedFiles());
        String refused =
                result.refusedFiles().isEmpty() ? "" : "\nnot copied back: " + String.join(", ", result.refusedFiles());
        return changed + refused;
    }

    static Map<String, Object> summary(ExecutionResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exitCode", result.exitCode());
        json.put("timedOut", result.timedOut());
        json.put("oomKilled", result.oomKilled());
        json.put("durationMs", result.duration().toMillis());
        json.put("outputBytes", result.outputBytes());
        json.put("droppedBytes", result.droppedBytes());
        json.put("backend", result.backend());
        json.put(
                "guarantees",
                new TreeSet<>(result.guarantees().stream().map(Enum::name).toList()));
        json.put("changedFiles", result.changedFiles());
        json.put("refusedFiles", result.refusedFiles());
        json.put("limitExceeded", result.limitExceeded());
        return json;
    }
}
