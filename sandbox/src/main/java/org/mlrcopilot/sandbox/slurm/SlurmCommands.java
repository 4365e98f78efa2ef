package org.mlrcopilot.sandbox.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.sandbox.SandboxException;

/**
 * The Slurm client programs of a login node: sbatch, squeue, scontrol, sacct, scancel, sinfo. Each runs with a
 * minimal environment (never the service's: its secrets stay out of every job and every Slurm program) and a time
 * limit; a program that fails says why.
 */
final class SlurmCommands {

    /** What Slurm says about one job. */
    record JobInfo(JobState state, String reason, String exitCode, String nodes) {
    }

    private static final long TIMEOUT_SECONDS = 30;
    private final Map<String, String> environment;

    SlurmCommands() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String name : List.of("HOME", "USER", "LOGNAME", "LANG", "SLURM_CONF")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        this.environment = Map.copyOf(env);
    }

    /** Whether sbatch and squeue are here and the controller answers. */
    Optional<String> problem() {
        try {
            run(List.of("sinfo", "-h", "-o", "%P"), false);
            return Optional.empty();
        } catch (SandboxException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Submits the script with the options; the job id. */
    String submit(List<String> options, Path script) {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
        argv.addAll(options);
        argv.add(script.toString());
        String out = run(argv, false).strip();
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("[0-9]+")) {
            throw new SandboxException("sbatch did not give a job id: " + out, true);
        }
        return id;
    }

    /** The job's state: squeue while Slurm still lists it, then scontrol, then sacct (with accounting). */
    Optional<JobInfo> job(String id) {
        String line = run(List.of("squeue", "-h", "-t", "all", "-j", id, "-o", "%T|%r|%N"), true).strip();
        if (!line.isEmpty()) {
            String[] f = (line.lines().findFirst().orElse("") + "||").split("\\|", -1);
            JobState state = JobState.parse(f[0]);
            if (!state.finished()) {
                return Optional.of(new JobInfo(state, f[1], "", f[2]));
            }
        }
        String shown = run(List.of("scontrol", "show", "job", "-o", id), true);
        if (shown.contains("JobState=")) {
            return Optional.of(new JobInfo(JobState.parse(field(shown, "JobState")), field(shown, "Reason"),
                    field(shown, "ExitCode"), field(shown, "NodeList")));
        }
        String accounted = run(List.of("sacct", "-n", "-P", "-X", "-j", id, "-o", "State,ExitCode,NodeList"), true);
        String first = accounted.lines().filter(l -> l.contains("|")).findFirst().orElse("");
        if (!first.isEmpty()) {
            String[] f = (first + "||").split("\\|", -1);
            return Optional.of(new JobInfo(JobState.parse(f[0]), "", f[1], f[2]));
        }
        return Optional.empty();
    }

    void cancel(String id) {
        run(List.of("scancel", id), true);
    }

    /** The jobs of this user whose comment is {@code label}: their ids. */
    List<String> jobsLabelled(String label) {
        String user = environment.getOrDefault("USER", System.getProperty("user.name"));
        return run(List.of("squeue", "-h", "-u", user, "-o", "%i|%k"), true).lines()
                .map(l -> l.split("\\|", 2)).filter(f -> f.length == 2 && f[1].strip().equals(label))
                .map(f -> f[0].strip()).toList();
    }

    /** Partitions with their nodes, idle nodes, CPUs, memory and generic resources (GPUs), one line each. */
    List<String> partitions() {
        return run(List.of("sinfo", "-h", "-o", "%P|%a|%D|%t|%c|%m|%G"), false).lines().filter(l -> !l.isBlank())
                .toList();
    }

    /** The controller's configuration value, "" when absent. */
    String config(String name) {
        return run(List.of("scontrol", "show", "config"), true).lines()
                .filter(l -> l.strip().startsWith(name + " ") || l.strip().startsWith(name + "="))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElse("");
    }

    static String field(String oneLine, String name) {
        for (String part : oneLine.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    private String run(List<String> argv, boolean tolerateFailure) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(false)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxException(argv.get(0) + " is not available here (" + e.getMessage() + "); the Slurm "
                    + "backend runs where sbatch, squeue and scancel work (a login node)", false, e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SandboxException(argv.get(0) + " did not answer in " + TIMEOUT_SECONDS + " s", true);
            }
            if (process.exitValue() != 0 && !tolerateFailure) {
                throw new SandboxException(argv.get(0) + " failed: " + new String(err, StandardCharsets.UTF_8).strip(),
                        true);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException(argv.get(0) + " failed: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SandboxException(argv.get(0) + " was interrupted", true, e);
        }
    }
}
