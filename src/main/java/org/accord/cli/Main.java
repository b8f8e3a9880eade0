package org.accord.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.accord.EnvironmentException;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code accord} command line: global options, the subcommand tree and the exit-code policy.
 *
 * <p>Exit codes: 0 on success; 1 on a user error: bad input ({@link InvalidInputException}), an
 * unknown thing ({@link NotFoundException}), a setup to fix such as a data directory in use or an
 * unreachable database ({@link EnvironmentException}), or a failed check or unreadable file ({@link
 * UserException}); 2 on a usage error (picocli's: unknown option, missing argument); 3 on an internal
 * error, which is any other exception: a bug in Accord. A user error prints one line naming the
 * problem and where it is, never a stack trace. An internal error says so and how to see the trace
 * ({@code ACCORD_DEBUG=1}, which also prints the trace of a user error).
 *
 * <p>Each {@link #run} call builds its own instance, which holds the data directory that run opened.
 */
@Command(
    name = "accord",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Coordinated vulnerability disclosure over the real dependency graph.",
      "",
      "Data lives in --data (SQLite, default ./accord-data) or in PostgreSQL when ACCORD_DB_URL is set."
    },
    subcommands = {
      IngestCommand.class,
      WhereUsedCommand.class,
      AdvisoryCommand.class,
      FindingsCommand.class,
      TriageCommand.class,
      VersionCommand.class,
      KeyCommand.class,
      OrgCommand.class,
      ProductCommand.class,
      org.accord.cli.accountability.CommitmentCommand.class,
      CaseCommand.class,
      ReportCommand.class,
      MemberCommand.class,
      NotifyCommand.class,
      RulesCommand.class,
      TokenCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      org.accord.cli.exercise.ScenarioCommand.class,
      org.accord.cli.exercise.SimulateCommand.class,
      BenchCommand.class,
      IndicatorsCommand.class,
      org.accord.cli.escalation.AlertsCommand.class,
      org.accord.cli.history.ImportCommand.class,
      LogCommand.class,
      VerifyCommand.class,
      org.accord.cli.witness.WitnessCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for a user error: bad input, an unknown thing, a failed check. */
  public static final int USER_ERROR = 1;
  /** Exit code for a usage error: unknown option, missing argument. */
  public static final int USAGE = 2;
  /** Exit code for an internal error: a bug in Accord, not something the user did. */
  public static final int INTERNAL_ERROR = 3;

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${env:ACCORD_DATA:-./accord-data}",
      description = "Data directory (default ${DEFAULT-VALUE}): lock, keys, embedded database.")
  Path dataDir;

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "JDBC_URL",
      defaultValue = "${env:ACCORD_DB_URL}",
      description = "Database URL such as jdbc:postgresql://HOST/DB. Default: $ACCORD_DB_URL, else SQLite in --data.")
  String dbUrl;

  @Option(
      names = "--server",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${env:ACCORD_SERVER}",
      description = "Go through a running Accord server's API (token in ACCORD_TOKEN). Default: $ACCORD_SERVER; "
          + "else the server that holds --data, if one does.")
  String server;

  @CommandLine.Spec CommandSpec spec;

  private final CliContext context = new CliContext(this);

  @Override
  public Integer call() {
    throw missingCommand(spec.commandLine());
  }

  /** The usage error of a command group run without one of its commands; it names them. */
  public static CommandLine.ParameterException missingCommand(CommandLine group) {
    List<String> names = group.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    return new CommandLine.ParameterException(group, "missing command; one of: " + String.join(", ", names));
  }

  /** The data directory chosen on the command line. */
  Path dataDir() {
    return dataDir;
  }

  /** The database URL chosen on the command line or in the environment, or null for embedded SQLite. */
  public String dbUrl() {
    return dbUrl == null || dbUrl.isBlank() ? null : dbUrl;
  }

  /** The server URL chosen with {@code --server} or {@code ACCORD_SERVER}, or null. */
  String server() {
    return server == null || server.isBlank() ? null : server.strip();
  }

  CliContext context() {
    return context;
  }

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code; used by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    CommandLine commandLine = commandLine(main);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Main::handleFailure);
    commandLine.setParameterExceptionHandler(
        (ex, arguments) -> {
          // Picocli's own words for a group that cannot run alone (ingest, token, bench) name no command.
          String message = ex.getMessage().equals("Missing required subcommand")
              ? missingCommand(ex.getCommandLine()).getMessage()
              : ex.getMessage();
          ex.getCommandLine().getErr().println("accord: " + message);
          ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    try {
      return commandLine.execute(args);
    } finally {
      main.context.close();
      out.flush();
      err.flush();
    }
  }

  /**
   * The command tree over {@code main}. The root's {@code --data}, {@code --db} and {@code --server} are inherited by
   * every command but those marked {@link StorelessCommand}; {@code -V, --version} (which picocli's
   * inherited standard help options give every command) stays on the root.
   */
  static CommandLine commandLine(Main main) {
    CommandLine commandLine = new CommandLine(main);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      prune(sub);
    }
    return commandLine;
  }

  private static void prune(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    boolean storeless = spec.userObject() instanceof StorelessCommand;
    for (OptionSpec option : List.copyOf(spec.options())) {
      if (option.versionHelp() || storeless && option.inherited() && (option.longestName().equals("--data")
          || option.longestName().equals("--db") || option.longestName().equals("--server"))) {
        spec.remove(option);
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      prune(sub);
    }
  }

  /**
   * The exit-code policy for exceptions a command throws. User errors ({@link InvalidInputException},
   * {@link NotFoundException}, {@link EnvironmentException}, {@link UserException}) are one line, the
   * message; anything else is a bug in Accord, reported as an internal error with exit code {@link
   * #INTERNAL_ERROR}. Picocli's usage errors never get here (see {@link #run}).
   */
  private static int handleFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean debug = System.getenv("ACCORD_DEBUG") != null;
    String message = userMessage(ex);
    if (message != null) {
      err.println("accord: " + message);
      if (debug) {
        ex.printStackTrace(err);
      }
      return USER_ERROR;
    }
    err.println("accord: internal error: " + ex);
    if (debug) {
      ex.printStackTrace(err);
    } else {
      err.println("This is a bug in Accord. Rerun with ACCORD_DEBUG=1 for the stack trace, and please report it.");
    }
    return INTERNAL_ERROR;
  }

  /** The one-line message of a user error, or null when {@code ex} is not one (then it is a bug). */
  private static String userMessage(Throwable ex) {
    if (ex instanceof InvalidInputException invalid) {
      return invalid.describe();
    }
    if (ex instanceof NotFoundException || ex instanceof ForbiddenException || ex instanceof EnvironmentException
        || ex instanceof UserException || ex instanceof org.accord.disclosure.IllegalTransitionException) {
      return ex.getMessage();
    }
    return null;
  }

  /** Accord's version: the jar manifest's, or "development" when run from classes. */
  static String versionText() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Prints the version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"accord " + (version == null ? "development" : version)};
    }
  }
}
