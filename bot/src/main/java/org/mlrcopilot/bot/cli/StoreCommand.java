package org.mlrcopilot.bot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `mlr store ...`: look after the bot's database. */
@Command(name = "store", description = "Look after the bot's database.", subcommands = StoreMigrateCommand.class)
final class StoreCommand {

    @ParentCommand
    MlrCommand mlr;
}
