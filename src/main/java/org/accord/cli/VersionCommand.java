package org.accord.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;
import org.accord.identity.VersionScheme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord version}: compare, sort and match versions with an ecosystem's own rules, in the spirit
 * of {@code dpkg --compare-versions} and {@code sort -V}. The commands only parse their arguments and
 * standard input; they open no data directory.
 */
@Command(
    name = "version",
    description = {
      "Compare, sort and match versions by ecosystem rules.",
      "",
      "Each ecosystem's own ordering rules, from its specification or reference implementation.",
      "",
      "ECOSYSTEM is a version scheme (maven, npm, pypi, golang, cargo, nuget, gem, deb, apk, rpm, composer, "
          + "generic, semver, alpm, gentoo, openssl, conan, nginx, intdot, datetime, lexicographic) or an OSV "
          + "ecosystem name (Maven, PyPI, Go, crates.io, Debian:12, Alpine:v3.18, Red Hat, ...). Exit codes: 0 "
          + "on success, 1 for an unknown ecosystem or an invalid version or range, 2 for a usage error."
    },
    subcommands = {
      VersionCommand.Compare.class,
      VersionCommand.Sort.class,
      VersionCommand.Contains.class,
      VersionCommand.Vers.class
    })
final class VersionCommand implements Runnable, StorelessCommand {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Main.missingCommand(spec.commandLine());
  }

  /** The scheme for a scheme name or an OSV ecosystem name. */
  static VersionScheme scheme(String name) {
    try {
      return VersionScheme.forName(name);
    } catch (InvalidInputException notAScheme) {
      try {
        return Ecosystem.fromOsvName(name).scheme();
      } catch (InvalidInputException notOsv) {
        throw new InvalidInputException(
            "unknown ecosystem '" + name + "'; use a scheme (" + String.join(", ", VersionScheme.names())
                + ") or an OSV ecosystem name");
      }
    }
  }

  @Command(
      name = "compare",
      description = {"Compare two versions; print <, = or >."},
      footer = {
        "",
        "Examples:",
        "  accord version compare deb 1:1.0-1 1.0-2        prints >",
        "  accord version compare PyPI 1.0.post1 1.0       prints >",
        "  accord version compare maven 1.0 1.0.0 --json"
      })
  static final class Compare extends AccordCommand implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "Version scheme or OSV ecosystem name.")
    String ecosystem;

    @Parameters(index = "1", paramLabel = "A", description = "The first version.")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "The second version.")
    String b;

    @Override
    protected int execute() {
      VersionScheme scheme = scheme(ecosystem);
      Version first = scheme.parse(a);
      Version second = scheme.parse(b);
      int c = Integer.signum(first.compareTo(second));
      String result = c < 0 ? "<" : c > 0 ? ">" : "=";
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ecosystem", scheme.name());
        out.put("a", first.text());
        out.put("b", second.text());
        out.put("result", result);
        printJson(out);
      } else {
        out().println(result);
      }
      return Main.OK;
    }
  }

  @Command(
      name = "sort",
      description = {
        "Sort versions from standard input, oldest first.",
        "",
        "One version per line; blank lines are ignored. Versions the scheme considers equal keep their input "
            + "order."
      },
      footer = {"", "Example:", "  printf '1.10\\n1.9\\n1.9.1\\n' | accord version sort npm --reverse"})
  static final class Sort extends AccordCommand implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "Version scheme or OSV ecosystem name.")
    String ecosystem;

    @Option(names = {"-r", "--reverse"}, description = "Newest first.")
    boolean reverse;

    @Override
    protected int execute() throws IOException {
      VersionScheme scheme = scheme(ecosystem);
      List<Version> versions = new ArrayList<>();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          versions.add(scheme.parse(line));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(e.getMessage(), "line " + lineNumber, e);
        }
      }
      Comparator<Version> order = Comparator.naturalOrder();
      versions.sort(reverse ? order.reversed() : order);
      if (json) {
        printJson(versions.stream().map(Version::text).toList());
      } else {
        versions.forEach(v -> out().println(v.text()));
      }
      return Main.OK;
    }
  }

  @Command(
      name = "contains",
      description = {
        "Whether a vers range contains a version; print true or false.",
        "",
        "RANGE is a vers string such as vers:npm/>=1.0.0|<1.4.2; its type names the version scheme."
      },
      footer = {
        "",
        "vers: https://github.com/package-url/vers-spec",
        "",
        "Example:",
        "  accord version contains \\",
        "      'vers:maven/<2.3.1|>=2.4|<2.12.2|>=2.13.0|<2.15.0' 2.14.1"
      })
  static final class Contains extends AccordCommand implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "RANGE", description = "A vers range.")
    String range;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version to test.")
    String version;

    @Option(
        names = "--lenient",
        description = "Accept unsorted constraints, duplicates and odd comparator sequences (sorting them).")
    boolean lenient;

    @Override
    protected int execute() {
      VersionRange parsed = lenient ? VersionRange.parseVersLenient(range) : VersionRange.parseVers(range);
      boolean contains = parsed.contains(version);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("range", parsed.toVers());
        out.put("version", version.strip());
        out.put("contains", contains);
        printJson(out);
      } else {
        out().println(contains);
      }
      return Main.OK;
    }
  }

  @Command(
      name = "vers",
      description = {
        "Convert a native range notation to a vers range.",
        "",
        "Notations: npm, cargo, composer, pypi, gem, nuget and maven intervals, conan, nginx, openssl, and "
            + "'op version' lists for deb, rpm, apk and the other schemes."
      },
      footer = {
        "",
        "Examples:",
        "  accord version vers npm '^1.2.3 || >=2.0.1'",
        "      prints vers:npm/>=1.2.3|<2.0.0|>=2.0.1",
        "  accord version vers nuget '[1.0,2.0)'           prints vers:nuget/>=1.0|<2.0"
      })
  static final class Vers extends AccordCommand implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "Version scheme or OSV ecosystem name.")
    String ecosystem;

    @Parameters(index = "1", paramLabel = "RANGE", description = "The range in the ecosystem's notation.")
    String nativeRange;

    @Override
    protected int execute() {
      VersionRange range = VersionRange.fromNative(scheme(ecosystem).name(), nativeRange);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ecosystem", scheme(ecosystem).name());
        out.put("native", nativeRange);
        out.put("vers", range.toVers());
        printJson(out);
      } else {
        out().println(range.toVers());
      }
      return Main.OK;
    }
  }
}
