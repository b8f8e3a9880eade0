package org.accord.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code accord advisory} command group: work with security advisories (CSAF, OSV). Each
 * subcommand is its own class; add new ones to {@code subcommands} below.
 */
@Command(
    name = "advisory",
    description = {
      "Show, list, export and validate security advisories.",
      "",
      "Advisories (OSV, CSAF 2.0) and their VEX statements. Import them with 'accord ingest advisory'; see "
          + "what they affect with 'accord findings'."
    },
    subcommands = {
      AdvisoryValidateCommand.class,
      AdvisoryExportCommand.class,
      AdvisoryShowCommand.Show.class,
      AdvisoryShowCommand.ListCommand.class
    })
final class AdvisoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw Main.missingCommand(spec.commandLine());
  }
}
