package org.mlrcopilot.bot;

import org.mlrcopilot.bot.cli.MlrCommand;

/** Entry point of the `mlr` command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(MlrCommand.commandLine().execute(args));
    }
}
