package org.mlrcopilot.agents.experiment;

import java.util.List;
import org.mlrcopilot.agents.task.Workspace;

/** The actions that only touch workspace files; they never call a model. */
final class FileActions {

    static final int MAX_INSPECT_LINES = 100;

    private FileActions() {}

    static String list(Workspace ws, Args args) {
        String dir = args.text("dir_path");
        List<String> entries = ws.list(".".equals(dir.strip()) ? "" : dir);
        return entries.isEmpty() ? "(empty directory)" : String.join("\n", entries);
    }

    static String read(Workspace ws, Args args) {
        return ws.read(args.text("file_name"));
    }

    static String write(Workspace ws, Args args) {
        String file = args.text("file_name");
        String content = args.text("content");
        ws.write(file, content);
        return "Wrote " + file + " (" + content.length() + " characters).";
    }

    static String append(Workspace ws, Args args) {
        String file = args.text("file_name");
        String content = args.text("content");
        ws.append(file, content);
        return "Appended " + content.length() + " characters to " + file + ".";
    }

    static String copy(Workspace ws, Args args) {
        String source = args.text("source");
        String destination = args.text("destination");
        ws.copy(source, destination);
        return "Copied " + source + " to " + destination + ".";
    }

    static String undo(Workspace ws, Args args) {
        String file = args.text("script_name");
        return ws.undo(file)
                ? "Restored the previous version of " + file + "."
                : "There is no earlier version of " + file + " to restore.";
    }

    static String inspect(Workspace ws, Args args) {
        String file = args.text("script_name");
        int start = Math.max(1, args.integer("start_line"));
        int end = args.integer("end_line");
        List<String> lines = ws.read(file).lines().toList();
        if (end < start || start > lines.size()) {
            throw new ActionException(
                    file + " has " + lines.size() + " lines; lines " + start + "-" + end + " do not exist");
        }
        int last = Math.min(Math.min(end, lines.size()), start + MAX_INSPECT_LINES - 1);
        StringBuilder out =
                new StringBuilder("Lines " + start + "-" + last + " of " + lines.size() + " in " + file + ":\n");
        for (int i = start; i <= last; i++) {
            out.append(i).append(": ").append(lines.get(i - 1)).append('\n');
        }
        return out.toString().strip();
    }
}
