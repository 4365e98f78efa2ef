package org.mlrcopilot.agents.setup;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.Sandbox;

/** The set-up agent's file and execution tools over the set-up directory; raw/ and prototype/ are read-only. */
final class SetupTools {

    static final String FINISH = "finish_setup";
    static final int MAX_READ = 6_000;
    static final int MAX_OUTPUT = 4_000;
    private static final List<String> READ_ONLY = List.of("raw", "prototype", "models");

    static final List<ToolSpecification> SPECS = List.of(
            spec("list_files", "Lists the files under a directory of the set-up (\".\" for the top).", "dir_path"),
            spec("read_file", "Reads a text file (at most the first " + MAX_READ + " characters).", "file_name"),
            spec("write_file", "Writes a whole file (raw/ and prototype/ are read-only).", "file_name", "content"),
            spec(
                    "execute_script",
                    "Runs a Python script in the sandbox (no network), with the script's directory as "
                            + "the working directory; returns the end of its output.",
                    "script_name"),
            spec(
                    FINISH,
                    "Freezes the set-up: re-runs split.py, moves eval.py and hidden/ out of the experiment's "
                            + "reach and measures the baseline. metric: the primary metric's name; direction: higher or "
                            + "lower; summary: the data files under env/data, what train.py does, the predictions file it "
                            + "writes and its format, and any deviation from the plan.",
                    "metric",
                    "direction",
                    "summary"));

    private final Path dir;
    private final Sandbox sandbox;
    private final Limits limits;

    SetupTools(Path dir, Sandbox sandbox, Limits limits) {
        this.dir = dir.toAbsolutePath().normalize();
        this.sandbox = sandbox;
        this.limits = limits;
    }

    String list(String relative) {
        Path target = resolve(relative == null || relative.isBlank() ? "." : relative);
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return "Error: not a directory: " + relative;
        }
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(target, 3)) {
            files.filter(p -> !p.equals(target))
                    .sorted()
                    .limit(200)
                    .forEach(p -> out.append(dir.relativize(p))
                            .append(Files.isDirectory(p) ? "/" : " (" + size(p) + " bytes)")
                            .append('\n'));
        } catch (IOException e) {
            return "Error: cannot list " + relative + ": " + e.getMessage();
        }
        return out.length() == 0 ? "(empty)" : out.toString().strip();
    }

    String read(String relative) {
        Path file = resolve(relative);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "Error: no such file: " + relative;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_READ * 2), StandardCharsets.UTF_8);
            return text.length() <= MAX_READ
                    ? text
                    : text.substring(0, MAX_READ) + "\n... (" + bytes.length + " bytes in all)";
        } catch (IOException e) {
            return "Error: cannot read " + relative + ": " + e.getMessage();
        }
    }

    String write(String relative, String content) {
        Path file = resolve(relative);
        Path rel = dir.relativize(file);
        if (rel.getNameCount() > 0 && READ_ONLY.contains(rel.getName(0).toString())) {
            return "Error: " + relative + " is read-only";
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content == null ? "" : content);
            return "Wrote " + rel + " (" + Files.size(file) + " bytes)";
        } catch (IOException e) {
            return "Error: cannot write " + relative + ": " + e.getMessage();
        }
    }

    String execute(String relative) {
        Path script = resolve(relative);
        if (!Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS)) {
            return "Error: no such script: " + relative;
        }
        ExecutionResult result = run(dir.relativize(script));
        return (result.succeeded() ? "" : "The script failed (" + result.summary() + ").\n") + "Output:\n"
                + tail(result.output());
    }

    /** Runs a script of the set-up directory in the sandbox, from the script's directory. */
    ExecutionResult run(Path relativeScript) {
        Path parent = relativeScript.getParent();
        String cd = parent == null ? "." : parent.toString();
        return sandbox.run(ExecutionRequest.builder(
                        dir,
                        List.of(
                                "sh",
                                "-c",
                                "cd \"$1\" && python3 \"$2\"",
                                "sh",
                                cd,
                                relativeScript.getFileName().toString()))
                .limits(limits)
                .network(NetworkPolicy.NONE)
                .build());
    }

    Path dir() {
        return dir;
    }

    private Path resolve(String relative) {
        Path file = dir.resolve(relative.strip()).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException(relative + " leaves the set-up directory");
        }
        return file;
    }

    static String tail(String output) {
        return output.length() <= MAX_OUTPUT ? output : "..." + output.substring(output.length() - MAX_OUTPUT);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static ToolSpecification spec(String name, String description, String... args) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        for (String arg : args) {
            schema.addStringProperty(arg);
        }
        return ToolSpecification.builder()
                .name(name)
                .description(description)
                .parameters(schema.required(args).build())
                .build();
    }
}
