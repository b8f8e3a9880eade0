package org.accord.cli.exercise;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.UserException;
import org.accord.exercise.Report;
import org.accord.exercise.Scenario;
import org.accord.exercise.ScenarioReader;
import org.accord.exercise.Simulator;
import org.accord.exercise.Strategy;
import org.accord.exposure.ExposureGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord simulate SCENARIO}: the Monte-Carlo comparison of strategies over the graph (ADR 0148). */
@Command(
    name = "simulate",
    description = {
      "Simulate a disclosure crisis and compare notification strategies.",
      "",
      "Runs the scenario --runs times over its world (the store's graph, or a generated one) for each of its strategies "
          + "(or --strategy), with the same random draws for every strategy in a run. Prints the comparison (which "
          + "strategy wins each measure, by how much, with a 90% band) and writes SCENARIO.json and SCENARIO.html (SVG "
          + "plots) into --out. The same scenario, world, --runs and --seed give the same JSON bytes. --json prints the "
          + "report instead of the comparison."
    },
    footer = {"", "Example:", "  accord simulate scenarios/libracore-geneva.yaml --runs 1000 \\", "      --seed 7 --out /tmp/report"})
public final class SimulateCommand extends AccordCommand {
  @Parameters(paramLabel = "SCENARIO", description = "The scenario file, .yaml/.yml or .json.")
  Path file;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Runs per strategy. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Master seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--strategy", paramLabel = "NAME", split = ",",
      description = "Only these strategies (coordinated, immediate, foundation-mediated); repeatable. Default: the scenario's.")
  List<String> strategies;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the available processors.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where the report files go. Default: the current directory.")
  Path out;

  @Override
  protected int execute() throws Exception {
    if (runs < 1 || runs > 1_000_000) {
      throw new UserException("--runs must be 1..1000000");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("no such file: " + file);
    }
    Scenario scenario = ScenarioReader.read(file.toString(), Files.readAllBytes(file));
    if (strategies != null && !strategies.isEmpty()) {
      scenario = scenario.withStrategies(strategies.stream().map(Strategy::parse).distinct().toList());
    }
    ExposureGraph graph = scenario.world() instanceof Scenario.World.Generated generated
        ? Worlds.generated(generated) : context().accord().graph();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1) {
      throw new UserException("--threads must be at least 1");
    }
    long started = System.nanoTime();
    Report report = Simulator.report(graph, scenario, runs, seed, workers);
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.createDirectories(out);
    Path jsonFile = out.resolve(scenario.id() + ".json");
    Path htmlFile = out.resolve(scenario.id() + ".html");
    Files.writeString(jsonFile, report.json(), StandardCharsets.UTF_8);
    Files.writeString(htmlFile, report.html(), StandardCharsets.UTF_8);
    if (json) {
      out().print(report.json());
      return Main.OK;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> world = (Map<String, Object>) report.tree().get("world");
    out().printf(Locale.ROOT, "%s: %d runs of %s over %s deployments in %.1f s%n", scenario.id(), runs,
        String.join(", ", scenario.strategies().stream().map(Strategy::label).toList()), world.get("affected_deployments"), seconds);
    report.comparisonLines().forEach(out()::println);
    report.keyFigures().forEach(out()::println);
    out().println("report: " + jsonFile + ", " + htmlFile);
    return Main.OK;
  }
}
