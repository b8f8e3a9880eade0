package org.accord.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code accord} command line: global options, the subcommand tree and the exit-code policy.
 *
 * <p>Exit codes: 0 on success, 1 on a user error (bad input, unknown thing, failed verification), 2 on
 * a usage error. A user error prints one line naming the problem and where it is, never a stack trace;
 * set {@code ACCORD_DEBUG=1} to see the trace of an unexpected failure.
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
      TokenCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      LogCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for a user error: bad input, an unknown thing, a failed check. */
  public static final int USER_ERROR = 1;
  /** Exit code for a usage error: unknown option, missing argument. */
  public static final int USAGE = 2;

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${env:ACCORD_DATA:-./accord-data}",
      description = "Data directory (lock, keys, embedded database). Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "JDBC_URL",
      defaultValue = "${env:ACCORD_DB_URL}",
      description = "Database URL, e.g. jdbc:postgresql://localhost/accord. Default: $ACCORD_DB_URL, else SQLite in --data.")
  String dbUrl;

  @Option(
      names = "--server",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${env:ACCORD_SERVER}",
      description = "Go through a running Accord server's API (token in ACCORD_TOKEN). Default: $ACCORD_SERVER; "
          + "else the server that holds --data, if one does.")
  String server;

  private final CliContext context = new CliContext(this);

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "missing command; see 'accord --help'");
  }

  /** The data directory chosen on the command line. */
  Path dataDir() {
    return dataDir;
  }

  /** The database URL chosen on the command line or in the environment, or null for embedded SQLite. */
  String dbUrl() {
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
    CommandLine commandLine = new CommandLine(main);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Main::handleFailure);
    commandLine.setParameterExceptionHandler(
        (ex, arguments) -> {
          ex.getCommandLine().getErr().println("accord: " + ex.getMessage());
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

  private static int handleFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (ex instanceof InvalidInputException invalid) {
      err.println("accord: " + invalid.describe());
      return USER_ERROR;
    }
    if (ex instanceof NotFoundException || ex instanceof UserException) {
      err.println("accord: " + ex.getMessage());
      return USER_ERROR;
    }
    if (ex instanceof IllegalStateException || ex instanceof IllegalArgumentException) {
      // Environment problems (locked data directory, unreachable database) are the user's to fix.
      err.println("accord: " + ex.getMessage());
      debugTrace(ex, err);
      return USER_ERROR;
    }
    err.println("accord: internal error: " + ex);
    debugTrace(ex, err);
    if (System.getenv("ACCORD_DEBUG") == null) {
      err.println("(set ACCORD_DEBUG=1 for the stack trace)");
    }
    return USER_ERROR;
  }

  private static void debugTrace(Exception ex, PrintWriter err) {
    if (System.getenv("ACCORD_DEBUG") != null) {
      ex.printStackTrace(err);
    }
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
