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
final class SlurmCommands implements SlurmClient {

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

    @Override
    public String describe() {
        return "the Slurm client programs (sbatch, squeue, scontrol, scancel)";
    }

    /** Whether sbatch and squeue are here and the controller answers. */
    @Override
    public Optional<String> problem() {
        try {
            run(List.of("sinfo", "-h", "-o", "%P"), false);
            return Optional.empty();
        } catch (SandboxException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String submit(JobRequest job, Path script) {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
        argv.addAll(options(job));
        argv.add(script.toString());
        String out = run(argv, false).strip();
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("[0-9]+")) {
            throw new SandboxException("sbatch did not give a job id: " + out, true);
        }
        return id;
    }

    /** The sbatch options of a job; its environment is not the caller's ({@code --export=NONE}). */
    static List<String> options(JobRequest job) {
        List<String> o = new ArrayList<>(List.of(
                "--job-name=" + job.name(),
                "--comment=" + job.comment(),
                "--export=NONE",
                "--no-requeue",
                "--nodes=1",
                "--ntasks=1",
                "--time=" + job.minutes(),
                "--mem=" + job.memoryMb() + "M",
                "--cpus-per-task=" + job.cpus(),
                "--chdir=" + job.directory(),
                "--output=/dev/null",
                "--error=/dev/null"));
        if (!job.gpus().isEmpty()) {
            o.add("--gres=gpu:" + job.gpus());
        }
        if (!job.partition().isEmpty()) {
            o.add("--partition=" + job.partition());
        }
        if (!job.account().isEmpty()) {
            o.add("--account=" + job.account());
        }
        if (!job.qos().isEmpty()) {
            o.add("--qos=" + job.qos());
        }
        return o;
    }

    /** The job's state: squeue while Slurm still lists it, then scontrol, then sacct (with accounting). */
    @Override
    public Optional<JobInfo> job(String id) {
        String line = run(List.of("squeue", "-h", "-t", "all", "-j", id, "-o", "%T|%r|%N"), true)
                .strip();
        if (!line.isEmpty()) {
            String[] f = (line.lines().findFirst().orElse("") + "||").split("\\|", -1);
            JobState state = JobState.parse(f[0]);
            if (!state.finished()) {
                return Optional.of(new JobInfo(state, f[1], "", f[2]));
            }
        }
        String shown = run(List.of("scontrol", "show", "job", "-o", id), true);
        if (shown.contains("JobState=")) {
            return Optional.of(new JobInfo(
                    JobState.parse(field(shown, "JobState")),
                    field(shown, "Reason"),
                    field(shown, "ExitCode"),
                    field(shown, "NodeList")));
        }
        String accounted = run(List.of("sacct", "-n", "-P", "-X", "-j", id, "-o", "State,ExitCode,NodeList"), true);
        String first =
                accounted.lines().filter(l -> l.contains("|")).findFirst().orElse("");
        if (!first.isEmpty()) {
            String[] f = (first + "||").split("\\|", -1);
            return Optional.of(new JobInfo(JobState.parse(f[0]), "", f[1], f[2]));
        }
        return Optional.empty();
    }

    @Override
    public void cancel(String id) {
        run(List.of("scancel", id), true);
    }

    @Override
    public List<String> jobsLabelled(String label) {
        String user = environment.getOrDefault("USER", System.getProperty("user.name"));
        return run(List.of("squeue", "-h", "-u", user, "-o", "%i|%k"), true)
                .lines()
                .map(l -> l.split("\\|", 2))
                .filter(f -> f.length == 2 && f[1].strip().equals(label))
                .map(f -> f[0].strip())
                .toList();
    }

    @Override
    public List<String> partitions() {
        return run(List.of("sinfo", "-h", "-o", "%P|%a|%D|%t|%c|%m|%G"), false)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** The controller's configuration value, "" when absent. */
    String config(String name) {
        return run(List.of("scontrol", "show", "config"), true)
                .lines()
                .filter(l -> l.strip().startsWith(name + " ") || l.strip().startsWith(name + "="))
                .map(l -> l.substring(l.indexOf('=') + 1).strip())
                .findFirst()
                .orElse("");
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
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(false)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxException(
                    argv.get(0) + " is not available here (" + e.getMessage() + "); the Slurm "
                            + "backend runs where sbatch, squeue and scancel work (a login node)",
                    false,
                    e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SandboxException(argv.get(0) + " did not answer in " + TIMEOUT_SECONDS + " s", true);
            }
            if (process.exitValue() != 0 && !tolerateFailure) {
                throw new SandboxException(
                        argv.get(0) + " failed: " + new String(err, StandardCharsets.UTF_8).strip(), true);
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
