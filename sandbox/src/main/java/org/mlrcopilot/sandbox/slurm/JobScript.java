package org.mlrcopilot.sandbox.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.SandboxEnvironment;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.bwrap.BwrapCommand;

/**
 * The batch script of one execution: on the node it runs the command inside the confinement (bubblewrap by default,
 * or the configured wrapper), its stdout and stderr into {@code output}, and writes the command's exit code to
 * {@code exit} when it ends (the job's own record, for clusters without accounting).
 */
final class JobScript {

    static final String OUTPUT = "output";
    static final String EXIT = "exit";

    private JobScript() {}

    /** Writes {@code job.sh} into the job directory; the workspace copy is {@code workspace} inside it. */
    static Path write(
            Path jobDir, Path workspace, SandboxSettings sandbox, SlurmSettings slurm, ExecutionRequest request) {
        List<String> confined = slurm.bubblewrap()
                ? BwrapCommand.of(sandbox, request, workspace)
                : wrapped(slurm.wrapper(), workspace, request);
        StringBuilder text = new StringBuilder()
                .append("#!/bin/bash\n")
                .append("# mlr-copilot sandbox job: the command runs confined; its exit code goes to ")
                .append(EXIT)
                .append("\n")
                .append("export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n")
                .append("cd ")
                .append(quote(jobDir.toString()))
                .append(" || exit 70\n")
                .append(join(confined))
                .append(" > ")
                .append(quote(jobDir.resolve(OUTPUT).toString()))
                .append(" 2>&1 < /dev/null\n")
                .append("code=$?\n")
                .append("echo \"$code\" > ")
                .append(quote(jobDir.resolve(EXIT + ".tmp").toString()))
                .append(" && mv ")
                .append(quote(jobDir.resolve(EXIT + ".tmp").toString()))
                .append(' ')
                .append(quote(jobDir.resolve(EXIT).toString()))
                .append('\n')
                .append("exit \"$code\"\n");
        Path script = jobDir.resolve("job.sh");
        try {
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createFile(jobDir.resolve(OUTPUT));
            Files.setPosixFilePermissions(jobDir.resolve(OUTPUT), PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new SandboxException("cannot write the job script in " + jobDir + ": " + e.getMessage(), false, e);
        }
        return script;
    }

    /** A site's wrapper: env -i with exactly the request's environment, the wrapper, then the command. */
    private static List<String> wrapped(String wrapper, Path workspace, ExecutionRequest request) {
        List<String> argv = new ArrayList<>(List.of("env", "-i"));
        for (Map.Entry<String, String> e : SandboxEnvironment.of(request).entrySet()) {
            argv.add(e.getKey() + "=" + e.getValue());
        }
        for (String word : wrapper.split("\\s+")) {
            argv.add(word.replace("{workspace}", workspace.toString()));
        }
        argv.addAll(request.command());
        return argv;
    }

    static String join(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String word : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote(word));
        }
        return out.toString();
    }

    /** A word for bash, single-quoted. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
