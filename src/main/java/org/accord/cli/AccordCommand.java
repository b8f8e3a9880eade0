package org.accord.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command: access to the global options, the output streams and {@code --json}.
 * Subclasses implement {@link #execute()} and return an exit code.
 */
public abstract class AccordCommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  @Option(names = "--json", description = "Print the result as JSON.")
  protected boolean json;

  @Override
  public final Integer call() throws Exception {
    context().allowCreating(createsData());
    return execute();
  }

  /** Runs the command; returns the exit code. */
  protected abstract int execute() throws Exception;

  /**
   * Whether this command may create a data directory that holds no store yet (ingests, tokens,
   * serve, demo). Read commands may not: on a directory without data they say so and exit 1, rather
   * than create an empty store and answer from it.
   */
  protected boolean createsData() {
    return false;
  }

  /** The root command, which holds the global options. */
  protected final Main root() {
    return (Main) spec.root().userObject();
  }

  /** Shared resources (database, graph) opened on first use and closed at exit. */
  protected final CliContext context() {
    return root().context();
  }

  /** The server this run goes through instead of opening the data directory, if any. */
  protected final java.util.Optional<Remote> remote() {
    return context().remote();
  }

  /**
   * The principal a local run acts as: the instance coordinator on this machine, acting for {@code
   * organization} (which must exist; see {@code accord org create}), or for its own organization
   * {@code local} when null.
   */
  protected final org.accord.party.Principal actingAs(String organization) {
    var parties = context().accord().parties();
    return parties.actingFor(parties.localCoordinator(), organization);
  }

  /** {@code value} if {@code option} was given on the command line, else null (not its default). */
  protected final String explicit(String option, String value) {
    return spec.commandLine().getParseResult().hasMatchedOption(option) ? value : null;
  }

  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Where long-running work reports progress: each line is printed and flushed at once on stdout,
   * unless {@code --json} is given (then stdout holds only the JSON result).
   */
  protected final Consumer<String> progressLines() {
    return line -> {
      if (!json) {
        out().println(line);
        out().flush();
      }
    };
  }

  /** Prints a value as pretty JSON on stdout. */
  protected final void printJson(Object value) {
    try {
      out().println(Json.PRETTY.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
