package org.shifrovka.cli.command;

import org.shifrovka.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code shifrovka attack read}: strip a depth and read it with a captured codebook. */
@Command(name = "read", mixinStandardHelpOptions = true,
    description = "Strip the additive off a depth and read the code groups (not yet built).")
public final class AttackReadCommand extends AbstractCommand {
  @Override
  public Integer call() {
    err().print("attack read is not built yet\n");
    return ExitCodes.FAILURE;
  }
}
