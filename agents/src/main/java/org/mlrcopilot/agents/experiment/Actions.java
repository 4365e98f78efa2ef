package org.mlrcopilot.agents.experiment;

import org.mlrcopilot.agents.task.WorkspaceException;

/** Performs one tool call and turns it, or why it failed, into the step's observation. */
final class Actions {

    private final ExecuteAction execute;
    private final ModelActions models;
    private final TeamChannel team;
    private final ApprovalGate gate;
    private final RunCheckpoints checkpoints;
    private final ModelRetriever retriever;

    Actions(
            ExecuteAction execute,
            ModelActions models,
            TeamChannel team,
            ApprovalGate gate,
            RunCheckpoints checkpoints,
            ModelRetriever retriever) {
        this.execute = execute;
        this.models = models;
        this.team = team;
        this.gate = gate;
        this.checkpoints = checkpoints;
        this.retriever = retriever;
    }

    String perform(Run run, Call call, int step) {
        if (!call.performable()) {
            return call.problem();
        }
        if (gate == ApprovalGate.EVERY_STEP
                && !team.approve("Step " + step + ": " + call.action() + " " + Text.clip(call.input(), 500))) {
            return "The team declined this action; it was not performed.";
        }
        try {
            String observation = dispatch(run, call.action(), new Args(call.args()), step);
            return call.problem() == null ? observation : call.problem().substring(5) + "\n" + observation;
        } catch (WorkspaceException e) {
            return "Refused: " + e.getMessage();
        } catch (ActionException e) {
            return "Cannot perform " + call.action() + ": " + e.getMessage();
        }
    }

    private String dispatch(Run run, String action, Args args, int step) {
        return switch (action) {
            case "list_files" -> FileActions.list(run.ws, args);
            case "read_file" -> FileActions.read(run.ws, args);
            case "write_file" -> FileActions.write(run.ws, args);
            case "append_file" -> FileActions.append(run.ws, args);
            case "copy_file" -> FileActions.copy(run.ws, args);
            case "undo_edit_script" -> FileActions.undo(run.ws, args);
            case "inspect_script_lines" -> FileActions.inspect(run.ws, args);
            case ToolCatalog.EXECUTE -> executeScript(run, args.text("script_name"), step);
            case "understand_file" -> models.understand(run, args);
            case "reflection" -> models.reflect(run, args);
            case "edit_script" -> models.edit(run, args);
            case "edit_script_segment" -> models.editSegment(run, args);
            case "request_help" -> requestHelp(run, args.text("question"));
            case "retrieve_model" -> retriever.retrieve(args.text("query"));
            case ToolCatalog.FINAL_ANSWER -> finalAnswer(run, args.text("answer"));
            default -> throw new ActionException("unknown tool");
        };
    }

    private String executeScript(Run run, String script, int step) {
        if (gate == ApprovalGate.BEFORE_FIRST_EXECUTION
                && !run.executed
                && !team.approve("Run python3 " + script + " in the sandbox (the first execution of this run)")) {
            return "The team declined to let " + script + " run; nothing was executed. Ask them (request_help) "
                    + "or change the plan.";
        }
        return execute.execute(run, script, step);
    }

    private String requestHelp(Run run, String question) {
        run.pendingQuestion = question;
        checkpoints.save(run.state());
        String answer = team.answer(question);
        run.pendingQuestion = null;
        return "The team answered: " + Text.orNone(answer);
    }

    private static String finalAnswer(Run run, String answer) {
        run.finalAnswer = answer;
        return "Final answer recorded.";
    }
}
