package org.mlrcopilot.agents.experiment;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The actions that make one extra model call: understand_file and reflection (fast), the edits (main). */
final class ModelActions {

    static final int MAX_FILE_CHARS = 30_000;
    private static final Pattern CODE = Pattern.compile("```[A-Za-z0-9_+-]*\\s*\\n(.*?)```", Pattern.DOTALL);

    private final ChatModel main;
    private final ChatModel fast;
    private final Meter meter;
    private final StepPrompt prompt;

    ModelActions(ChatModel main, ChatModel fast, Meter meter, StepPrompt prompt) {
        this.main = main;
        this.fast = fast;
        this.meter = meter;
        this.prompt = prompt;
    }

    String understand(Run run, Args args) {
        String file = args.text("file_name");
        String content = Text.clip(run.ws.read(file), MAX_FILE_CHARS);
        return ask(
                fast,
                Prompts.render(
                        "understand",
                        Map.of("file", file, "things", args.text("things_to_look_for"), "content", content)));
    }

    String reflect(Run run, Args args) {
        return ask(
                fast,
                Prompts.render(
                        "reflection",
                        Map.of(
                                "problem",
                                run.task.researchProblem().strip(),
                                "plan",
                                Text.orNone(run.plan),
                                "summary",
                                Text.orNone(run.summary),
                                "recent",
                                prompt.recent(run),
                                "things",
                                args.text("things_to_reflect_on"))));
    }

    String edit(Run run, Args args) {
        String file = args.text("script_name");
        String save = args.text("save_name");
        String content = exists(run, file) ? run.ws.read(file) : "";
        String edited = code(ask(
                main,
                Prompts.render(
                        "edit",
                        Map.of("file", file, "instruction", args.text("edit_instruction"), "content", content))));
        run.ws.write(save, edited);
        return "Edited " + file + " and saved it to " + save + ". The new content:\n" + edited;
    }

    String editSegment(Run run, Args args) {
        String file = args.text("script_name");
        String save = args.text("save_name");
        List<String> lines = run.ws.read(file).lines().toList();
        int start = Math.max(1, args.integer("start_line"));
        int end = Math.min(lines.size(), args.integer("end_line"));
        if (end < start) {
            throw new ActionException(
                    file + " has " + lines.size() + " lines; lines " + start + "-" + end + " do not exist");
        }
        String segment = code(ask(
                main,
                Prompts.render(
                        "edit-segment",
                        Map.of(
                                "file",
                                file,
                                "start",
                                String.valueOf(start),
                                "end",
                                String.valueOf(end),
                                "instruction",
                                args.text("edit_instruction"),
                                "before",
                                join(lines.subList(0, start - 1)),
                                "segment",
                                join(lines.subList(start - 1, end)),
                                "after",
                                join(lines.subList(end, lines.size()))))));
        String edited = join(lines.subList(0, start - 1)) + segment + join(lines.subList(end, lines.size()));
        run.ws.write(save, edited);
        return "Rewrote lines " + start + "-" + end + " of " + file + " and saved it to " + save
                + ". The new segment:\n" + segment;
    }

    private String ask(ChatModel model, String text) {
        String answer = meter.chat(
                        model,
                        ChatRequest.builder().messages(UserMessage.from(text)).build())
                .aiMessage()
                .text();
        return answer == null ? "" : answer;
    }

    static String code(String answer) {
        Matcher matcher = CODE.matcher(answer);
        String longest = null;
        while (matcher.find()) {
            if (longest == null || matcher.group(1).length() > longest.length()) {
                longest = matcher.group(1);
            }
        }
        String code = longest == null ? answer.strip() : longest;
        return code.endsWith("\n") ? code : code + "\n";
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static boolean exists(Run run, String file) {
        return java.nio.file.Files.isRegularFile(run.ws.dir().resolve(file).normalize());
    }
}
