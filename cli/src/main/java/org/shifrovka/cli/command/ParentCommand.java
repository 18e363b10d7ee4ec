package org.shifrovka.cli.command;

import org.shifrovka.cli.ExitCodes;

/** A command that only groups subcommands: run alone, it prints its usage and fails. */
abstract class ParentCommand extends AbstractCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }
}
