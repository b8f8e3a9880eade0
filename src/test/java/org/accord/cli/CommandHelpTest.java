package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.sbom.BomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 7, item 8: every command's {@code --help}, rendered at 80 columns as a terminal of that width
 * shows it, reads as written: summaries are whole sentences on one line of their parent's list,
 * description lines are paragraphs (not lines cut where an editor wrapped them), examples are never
 * broken, placeholders are UPPER_CASE, and commands that never open the store do not offer
 * {@code --data} and {@code --db}.
 */
class CommandHelpTest {
  static final int WIDTH = 80;

  /** Every command but picocli's {@code help}, root first, as configured by {@link Main#commandLine}. */
  static List<CommandLine> commands() {
    CommandLine root = Main.commandLine(new Main());
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(WIDTH);
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        collect(sub, all);
      }
    });
  }

  static Stream<String> names() {
    return commands().stream().map(c -> c.getCommandSpec().qualifiedName());
  }

  static CommandLine command(String qualifiedName) {
    return commands().stream().filter(c -> c.getCommandSpec().qualifiedName().equals(qualifiedName)).findFirst().orElseThrow();
  }

  static String help(CommandLine command) {
    return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void helpFitsEightyColumnsAndKeepsExamplesWhole(String name) {
    CommandLine command = command(name);
    String help = help(command);
    assertThat(help.lines()).as(help).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(WIDTH));
    // Picocli may wrap after "." ":" or "," inside a word: "crates.|io", "https:|//host". A wrap is such
    // a cut when the two halves stand together, without a space, in the text the command was given.
    String given = givenText(command.getCommandSpec());
    List<String> lines = help.lines().toList();
    for (int i = 1; i < lines.size(); i++) {
      String[] before = lines.get(i - 1).strip().split(" ");
      String after = lines.get(i).strip().split(" ")[0];
      String joined = before[before.length - 1] + after;
      boolean cut = !lines.get(i - 1).isBlank() && !after.isEmpty() && given.contains(joined);
      assertThat(cut)
          .as("'%s' cut between lines:%n%s%n%s", joined, lines.get(i - 1), lines.get(i)).isFalse();
    }
    for (String line : command.getCommandSpec().usageMessage().footer()) {
      assertThat(line.length()).as("footer line wraps: " + line).isLessThanOrEqualTo(WIDTH);
      assertThat(help).as("footer line shown whole").contains(line.stripTrailing());
    }
  }

  /** The texts a command's help is made of, with default values filled in. */
  private static String givenText(CommandSpec spec) {
    List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
    texts.addAll(List.of(spec.usageMessage().footer()));
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      for (String line : arg.description()) {
        texts.add(line.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValueString())));
      }
    }
    return String.join("\n", texts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void theDescriptionOpensWithASentenceAndHasNoCutLines(String name) {
    String[] description = command(name).getCommandSpec().usageMessage().description();
    assertThat(description).as("a description").isNotEmpty();
    assertThat(description[0]).as("the summary, a sentence").matches("[A-Z].*[.]").doesNotContain("%n");
    for (String paragraph : description) {
      if (!paragraph.isBlank() && !paragraph.startsWith(" ")) {
        assertThat(paragraph).as("a line that ends mid-sentence").matches("(?s).*[.:?!)]");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everySubcommandIsListedWithItsWholeSummaryOnOneLine(String name) {
    CommandLine command = command(name);
    String help = help(command);
    command.getSubcommands().forEach((sub, subcommand) -> {
      CommandLine.Model.UsageMessageSpec usage = subcommand.getCommandSpec().usageMessage();
      String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
      Pattern row = Pattern.compile("^  " + Pattern.quote(sub) + " +" + Pattern.quote(summary) + "$", Pattern.MULTILINE);
      assertThat(row.matcher(help).find()).as("'%s' listed as '%s' in%n%s", sub, summary, help).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void placeholdersAreUpperCase(String name) {
    CommandSpec spec = command(name).getCommandSpec();
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      if (arg.arity().max() > 0 && !arg.hidden()) {
        String label = arg.paramLabel();
        assertThat(label).as(arg.toString()).doesNotStartWith("<").isEqualTo(label.toUpperCase(Locale.ROOT));
      }
    }
  }

  @Test
  void theRootListsEveryCommandLogAndVerifyIncluded() {
    String help = help(commands().get(0));
    for (String name : List.of("ingest", "where-used", "advisory", "findings", "triage", "version", "token", "serve", "demo",
        "generate", "bench", "log", "verify")) {
      assertThat(help).containsPattern("(?m)^  " + name + " ");
    }
  }

  /** A command group run without a command is a usage error that names its commands. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void aGroupWithoutACommandNamesItsCommands(String name) {
    CommandLine command = command(name);
    List<String> subcommands = command.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    if (subcommands.isEmpty()) {
      return;
    }
    String[] path = name.substring("accord".length()).strip().split(" ");
    CliRun run = CliRun.run(path[0].isEmpty() ? new String[0] : path);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USAGE);
    assertThat(run.err()).startsWith("accord: missing command").contains(subcommands);
  }

  /** Commands that never open the store do not offer --data and --db; the others do; only the root has --version. */
  @Test
  void onlyCommandsThatUseTheStoreOfferDataAndDb() {
    for (CommandLine command : commands()) {
      CommandSpec spec = command.getCommandSpec();
      boolean storeless = spec.userObject() instanceof StorelessCommand;
      assertThat(spec.findOption("--data") == null).as(spec.qualifiedName() + " --data").isEqualTo(storeless);
      assertThat(spec.findOption("--db") == null).as(spec.qualifiedName() + " --db").isEqualTo(storeless);
      assertThat(spec.findOption("--version") == null).as(spec.qualifiedName() + " --version").isEqualTo(spec.parent() != null);
    }
    assertThat(help(command("accord generate"))).doesNotContain("--data").doesNotContain("--db");
    assertThat(help(command("accord version compare"))).doesNotContain("--data");
    assertThat(help(command("accord where-used"))).contains("--data");
    // Given anyway, it is a usage error rather than silently ignored.
    assertThat(CliRun.run("generate", "--data", "x", "--out", "y").exit()).isEqualTo(Main.USAGE);
  }

  /** The supported SBOM versions are the readers' own, in the help and in the README alike. */
  @Test
  void ingestSbomHelpAndTheReadmeNameTheReadersVersions() throws Exception {
    assertThat(help(command("accord ingest sbom")).replaceAll("\\s+", " ")).contains(BomReader.SUPPORTED_VERSIONS);
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("accord ingest sbom"), readme.indexOf("accord ingest inventory"));
    Matcher ranges = Pattern.compile("\\d\\.\\d–\\d\\.\\d").matcher(BomReader.SUPPORTED_VERSIONS);
    int found = 0;
    while (ranges.find()) {
      assertThat(section).contains(ranges.group());
      found++;
    }
    assertThat(found).isEqualTo(3);
  }
}
