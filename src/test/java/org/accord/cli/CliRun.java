package org.accord.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it printed. */
public record CliRun(int exit, String out, String err) {

  public static CliRun run(String... args) {
    return runWithInput(null, args);
  }

  static synchronized CliRun runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream original = System.in;
    if (stdin != null) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new CliRun(exit, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  /** Output and errors together, for assertions about messages. */
  public String all() {
    return out + err;
  }
}
