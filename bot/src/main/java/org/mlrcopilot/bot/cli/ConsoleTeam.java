package org.mlrcopilot.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.TeamChannel;

/**
 * The team at the terminal. In copilot mode the researcher is asked for feedback after every step
 * (empty line: carry on, "stop": end the run); approvals the configured gates need and the agent's
 * own questions are asked whatever the mode.
 */
final class ConsoleTeam implements TeamChannel {

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean copilot;
    private volatile RunControl control = RunControl.RUNNING;

    ConsoleTeam(java.io.InputStream in, PrintStream out, boolean copilot) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.copilot = copilot;
    }

    @Override
    public List<String> feedbackSince(int step) {
        if (!copilot || step == 0) {
            return List.of();
        }
        String line = prompt("feedback for the agent (enter: continue, stop: end the run)> ");
        if (line.equalsIgnoreCase("stop")) {
            control = RunControl.STOPPED;
            return List.of();
        }
        return line.isBlank() ? List.of() : List.of(line);
    }

    @Override
    public String answer(String question) {
        String line = prompt("the agent asks: " + question + "\nyour answer> ");
        return line.isBlank() ? "No answer from the team; decide on your own and say what you assumed." : line;
    }

    @Override
    public boolean approve(String description) {
        return !prompt("approve: " + description + "? [Y/n]> ").toLowerCase().startsWith("n");
    }

    @Override
    public RunControl control() {
        return control;
    }

    private String prompt(String text) {
        out.print(text);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            return "";
        }
    }
}
