package org.accord.cli.exercise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.StorelessCommand;
import org.accord.cli.UserException;
import org.accord.exercise.AffectedWorld;
import org.accord.exercise.Scenario;
import org.accord.exercise.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code accord scenario …}: exercise scenarios. */
@Command(
    name = "scenario",
    description = {"Check exercise scenarios.", "", "A scenario describes a disclosure crisis to simulate (see accord simulate)."},
    subcommands = {ScenarioCommand.Validate.class})
public final class ScenarioCommand implements StorelessCommand {

  /** {@code accord scenario validate FILE}. */
  @Command(
      name = "validate",
      description = {
        "Check a scenario file against the schema and its world.",
        "",
        "Checks the file (YAML or JSON) against the shipped JSON Schema, then what a schema cannot check: the vers: range, "
            + "that injects follow only earlier events, durations. For a generated world it also builds the world and checks "
            + "that the package is in it and that each inject's countries have affected deployments. Errors name the file, "
            + "line and field (FILE:LINE#POINTER); exit 1."
      },
      footer = {"", "Example:", "  accord scenario validate scenarios/libracore-geneva.yaml"})
  public static final class Validate extends AccordCommand implements StorelessCommand {
    @Parameters(paramLabel = "FILE", description = "The scenario, .yaml/.yml or .json.")
    Path file;

    @Override
    protected int execute() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new UserException("no such file: " + file);
      }
      Scenario scenario = ScenarioReader.read(file.toString(), Files.readAllBytes(file));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("file", file.toString());
      body.put("scenario", scenario.id());
      body.put("valid", true);
      body.put("injects", scenario.injects().size());
      body.put("strategies", scenario.strategies().stream().map(s -> s.label()).toList());
      if (scenario.world() instanceof Scenario.World.Generated generated) {
        AffectedWorld world = AffectedWorld.of(Worlds.generated(generated), scenario);
        body.put("affected_deployments", world.deployments());
      } else {
        body.put("world", "store: checked when simulated");
      }
      if (json) {
        printJson(body);
      } else {
        out().println(file + ": valid scenario " + scenario.id() + " (" + scenario.injects().size() + " injects, strategies "
            + String.join(", ", scenario.strategies().stream().map(s -> s.label()).toList())
            + (body.containsKey("affected_deployments") ? "; " + body.get("affected_deployments") + " affected deployments" : "") + ")");
      }
      return Main.OK;
    }
  }
}
