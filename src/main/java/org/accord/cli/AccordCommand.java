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
abstract class AccordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public final Integer call() throws Exception {
    return execute();
  }

  /** Runs the command; returns the exit code. */
  protected abstract int execute() throws Exception;

  /** The root command, which holds the global options. */
  protected final Main root() {
    return (Main) spec.root().userObject();
  }

  /** Shared resources (database, graph) opened on first use and closed at exit. */
  protected final CliContext context() {
    return root().context();
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
