package org.accord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package table of docs/architecture.md as a test: every main source file is read as text, and each
 * package it refers to (by import, static import, or fully qualified name in code) must be one its
 * package may use.
 *
 * <p>Cores (identity, party, sbom, exposure, advisory, disclosure, triage, ledger, exercise, notification)
 * may use the JDK, the libraries and the {@code org.accord} packages the table gives them, and
 * the base exceptions in {@code org.accord}; none may use SQL, HTTP, command-line or non-core packages.
 * Edges (store, web, cli) and the extra packages of ADR 0003 (app, synthetic, bench) may use any library
 * but another edge's (Javalin is the web's, picocli and the progress bar the CLI's, the SQL libraries the
 * store's) and only the {@code org.accord} packages listed here. Where the code departs from the table
 * it is allowed in {@link #ALLOWANCES}, each with its reason; an allowance no file needs any more fails
 * the test, so the list cannot go stale. Why source text and not bytecode: ADR 0070.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src", "main", "java");

  private static final List<String> JDK = List.of("java.", "javax.");
  private static final List<String> JACKSON = List.of("com.fasterxml.jackson.");
  /** What no core may use: SQL, HTTP, command line, terminal, and every non-core accord package. */
  private static final List<String> CORE_FORBIDDEN =
      List.of(
          "java.sql.", "javax.sql.", "org.jdbi.", "org.flywaydb.", "com.zaxxer.", "io.javalin.",
          "jakarta.servlet.", "picocli.", "me.tongfei.", "org.accord.store.", "org.accord.web.",
          "org.accord.cli.", "org.accord.app.", "org.accord.bench.", "org.accord.synthetic.");
  /** SQL and its plumbing: the store is the only place with SQL. */
  private static final List<String> SQL =
      List.of("java.sql.", "javax.sql.", "org.jdbi.", "org.flywaydb.", "com.zaxxer.", "org.sqlite.", "org.postgresql.");
  /** Libraries that belong to one edge only: the web server and the command line. */
  private static final List<String> WEB_ONLY = List.of("io.javalin.", "jakarta.servlet.");
  private static final List<String> CLI_ONLY = List.of("picocli.", "me.tongfei.");

  private static final Set<String> CORES =
      Set.of("identity", "party", "sbom", "exposure", "advisory", "disclosure", "triage", "ledger", "exercise", "notification",
          "jurisdiction", "accountability");

  /** One rule per package; {@code ""} is the base package with the shared exceptions. */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    core("", List.of(), JDK);
    core("identity", List.of(), concat(JDK, List.of(
        "com.github.packageurl.", "org.apache.maven.artifact.", "org.semver4j.", "com.vdurmont.semver4j.")));
    core("party", List.of(), JDK);
    core("sbom", List.of("identity"), concat(JDK, JACKSON));
    core("exposure", List.of("identity"), JDK);
    core("advisory", List.of("identity", "exposure"), concat(JDK, JACKSON));
    // disclosure verifies a published case against the log: its reveal bundle opens ledger commitments (ADR 0109);
    // a notification plan applies the jurisdiction rule packs to its waves' recipients (ADR 0137)
    core("disclosure", List.of("identity", "party", "sbom", "exposure", "advisory", "ledger", "jurisdiction"), concat(JDK, JACKSON));
    core("triage", List.of("exposure"), JDK);
    core("ledger", List.of(), JDK);
    // scenarios are YAML/JSON checked by the shipped schema through advisory's SchemaValidator, with a vers: range
    // from identity, as rule packs are (ADR 0148)
    core("exercise", List.of("identity", "exposure", "advisory", "disclosure", "triage"), concat(JDK, JACKSON));
    // who is notified, the message text, backoff, digest hour and webhook signatures (ADR 0119, 0120)
    core("notification", List.of(), JDK);
    // rule packs: org kinds and countries from party, the schema check through advisory's SchemaValidator (ADR 0130)
    core("jurisdiction", List.of("party", "advisory"), concat(JDK, JACKSON));
    // pledges and indicators (ADR 0140-0143): a pledge's scope names product PURLs (identity), sectors (sbom) and CVSS
    // severities (triage); its rules use party's Authority and refuse a stale supersede as disclosure's 409;
    // indicators are computed from the public log (ledger) and revealed case bundles (disclosure)
    core("accountability", List.of("identity", "party", "sbom", "exposure", "disclosure", "triage", "ledger"), concat(JDK, JACKSON));
    List<String> cores = List.copyOf(new TreeSet<>(CORES));
    List<String> notWebOrCli = concat(WEB_ONLY, CLI_ONLY);
    edge("store", cores, notWebOrCli);
    edge("app", concat(cores, List.of("store")), concat(SQL, notWebOrCli));
    edge("synthetic", concat(cores, List.of("store")), concat(SQL, notWebOrCli));
    edge("bench", concat(cores, List.of("store", "app", "synthetic")), concat(SQL, notWebOrCli));
    edge("web", concat(cores, List.of("store", "app")), concat(SQL, CLI_ONLY));
    edge("cli", concat(cores, List.of("store", "app", "synthetic", "bench", "web")), SQL);
  }

  /**
   * Where the code departs from the table on purpose: package, referenced prefix, reason. Each must be
   * used by some file, or the test fails.
   */
  private static final List<Allowance> ALLOWANCES =
      List.of(
          new Allowance("advisory", "com.networknt.",
              "the CSAF validator checks the JSON schema through networknt (ADR 0040), in the stack list"),
          new Allowance("advisory", "org.apache.lucene.analysis.hunspell.",
              "the CSAF 2.0 §6.3.8 spell check runs Lucene's Hunspell over a shipped dictionary (ADR 0046)"),
          new Allowance("disclosure", "org.commonmark.",
              "a case message's Markdown is rendered with raw HTML escaped and only http(s)/mailto links kept: a"
                  + " rule of what a participant may be shown, with commonmark-java (ADR 0117)"),
          new Allowance("disclosure", "net.fortuna.ical4j.",
              "a member's case deadlines are written as iCalendar (RFC 5545) with ical4j: a format, as Jackson is"
                  + " for JSON, with no I/O (ADR 0132)"),
          new Allowance("triage", "com.fasterxml.jackson.",
              "the KEV catalogue and SSVC decision tables are JSON, read with Jackson (ADR 0031, 0032)"),
          new Allowance("store", "org.accord.synthetic.",
              "BulkLoad writes a generated SyntheticWorld in bulk for the demo and the benchmarks"),
          new Allowance("app", "org.jdbi.v3.core.Handle",
              "the facade runs several stores' calls in one transaction (one transaction per document)"),
          new Allowance("bench", "java.sql.",
              "the SQL baselines create and drop a scratch PostgreSQL schema over plain JDBC"));

  private record Rule(String pkg, boolean core, List<String> accord, List<String> external, List<String> forbidden) {
    /** Why {@code reference} is not allowed here, or null when it is. */
    String refuse(String reference) {
      for (String prefix : forbidden) {
        if (reference.startsWith(prefix)) {
          return (core ? "a core may not use " : "'" + pkg + "' may not use ") + prefix + "*";
        }
      }
      String accordPackage = accordPackage(reference);
      if (accordPackage != null) {
        return accordPackage.equals(pkg) || accordPackage.isEmpty() || accord.contains(accordPackage)
            ? null
            : "'" + display(pkg) + "' may import only " + accord + " of org.accord";
      }
      if (!core) {
        return null;
      }
      for (String prefix : external) {
        if (reference.startsWith(prefix)) {
          return null;
        }
      }
      return "core '" + display(pkg) + "' may use only " + external;
    }
  }

  private record Allowance(String pkg, String prefix, String reason) {}

  /** One reference that breaks a rule, with where it stands. */
  record Violation(String file, int line, String reference, String why) {
    @Override
    public String toString() {
      return file + ":" + line + " uses " + reference + ": " + why;
    }
  }

  private static void core(String pkg, List<String> accord, List<String> external) {
    RULES.put(pkg, new Rule(pkg, true, accord, external, CORE_FORBIDDEN));
  }

  private static void edge(String pkg, List<String> accord, List<String> forbidden) {
    RULES.put(pkg, new Rule(pkg, false, accord, List.of(), forbidden));
  }

  @Test
  void everyMainPackageHasARule() throws IOException {
    List<String> unknown = new ArrayList<>();
    for (Source source : mainSources()) {
      if (!RULES.containsKey(source.pkg())) {
        unknown.add(source.file() + " is in package '" + source.pkg() + "', which has no rule here");
      }
    }
    assertThat(unknown).as("packages missing from ArchitectureTest.RULES").isEmpty();
  }

  @Test
  void mainSourcesFollowThePackageTable() throws IOException {
    List<Source> sources = mainSources();
    assertThat(sources).as("main sources under " + MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
    List<Violation> violations = new ArrayList<>();
    for (Source source : sources) {
      violations.addAll(check(source));
    }
    assertThat(violations).as("references that break the package table").isEmpty();
  }

  @Test
  void everyAllowanceIsStillNeeded() throws IOException {
    Set<Allowance> used = new LinkedHashSet<>();
    for (Source source : mainSources()) {
      for (Reference reference : references(source.text())) {
        for (Allowance allowance : ALLOWANCES) {
          if (allowance.pkg().equals(source.pkg()) && reference.name().startsWith(allowance.prefix())) {
            used.add(allowance);
          }
        }
      }
    }
    assertThat(ALLOWANCES).as("allowances no file needs any more: remove them").containsExactlyInAnyOrderElementsOf(used);
  }

  /** The checker itself must catch each kind of break, or the tests above prove nothing. */
  @Test
  void checkerRefusesBrokenRules() {
    assertThat(check(new Source("Bad.java", "ledger",
            "package org.accord.ledger;\nimport com.fasterxml.jackson.databind.JsonNode;\nclass Bad {}\n")))
        .extracting(Violation::line, Violation::reference)
        .containsExactly(tuple(2, "com.fasterxml.jackson.databind.JsonNode"));
    assertThat(check(new Source("Bad.java", "identity",
            "package org.accord.identity;\nimport static org.accord.exposure.ExposureGraph.build;\nclass Bad {}\n")))
        .hasSize(1);
    assertThat(check(new Source("Bad.java", "sbom",
            "package org.accord.sbom;\nclass Bad {\n  // org.accord.store.Database in a comment is fine\n"
                + "  String s = \"org.jdbi.v3.core.Jdbi in a string is fine\";\n"
                + "  Object db = new org.accord.store.Database();\n}\n")))
        .extracting(Violation::line)
        .containsExactly(5);
    assertThat(check(new Source("Bad.java", "triage",
            "package org.accord.triage;\nimport java.sql.Connection;\nimport org.accord.InvalidInputException;\n")))
        .extracting(Violation::reference)
        .containsExactly("java.sql.Connection");
    assertThat(check(new Source("Bad.java", "store",
            "package org.accord.store;\nimport org.accord.web.WebServer;\nimport picocli.CommandLine;\n"
                + "import org.accord.synthetic.SyntheticWorld;\nimport org.jdbi.v3.core.Jdbi;\n")))
        .extracting(Violation::line)
        .containsExactly(2, 3);
    assertThat(check(new Source("Good.java", "advisory",
            "package org.accord.advisory;\nimport com.networknt.schema.Schema;\nimport org.accord.exposure.ExposureGraph;\n"
                + "import java.util.List;\nimport org.accord.identity.Purl;\n")))
        .isEmpty();
  }

  // ---- the checker -------------------------------------------------------------------------------

  private record Source(String file, String pkg, String text) {}

  private record Reference(String name, int line) {}

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+org\\.accord(?:\\.(\\w+))?[\\w.]*\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);
  /** A fully qualified type name in code: a known root, lower-case segments, then a type. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.])(?:java|javax|jakarta|com|org|io|me|info|net|picocli)(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z]\\w*");

  private static List<Source> mainSources() throws IOException {
    assertThat(MAIN).as("run from the project directory").isDirectory();
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher pkg = PACKAGE.matcher(text);
        assertThat(pkg.find()).as(file + " declares a package under org.accord").isTrue();
        sources.add(new Source(MAIN.relativize(file).toString(), pkg.group(1) == null ? "" : pkg.group(1), text));
      }
    }
    return sources;
  }

  private static List<Violation> check(Source source) {
    Rule rule = RULES.get(source.pkg());
    if (rule == null) {
      return List.of(new Violation(source.file(), 1, source.pkg(), "no rule for this package"));
    }
    List<Violation> violations = new ArrayList<>();
    for (Reference reference : references(source.text())) {
      String why = rule.refuse(reference.name());
      if (why != null && !excepted(source.pkg(), reference.name())) {
        violations.add(new Violation(source.file(), reference.line(), reference.name(), why));
      }
    }
    return violations;
  }

  private static boolean excepted(String pkg, String reference) {
    return ALLOWANCES.stream().anyMatch(e -> e.pkg().equals(pkg) && reference.startsWith(e.prefix()));
  }

  /** Imports and fully qualified names in code, with comments and literals blanked out first. */
  private static List<Reference> references(String text) {
    String code = blankCommentsAndLiterals(text);
    List<Reference> references = new ArrayList<>();
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      references.add(new Reference(imports.group(1), lineOf(code, imports.start(1))));
    }
    String body = blank(blank(code, IMPORT), PACKAGE);
    Matcher qualified = QUALIFIED.matcher(body);
    while (qualified.find()) {
      references.add(new Reference(qualified.group(), lineOf(body, qualified.start())));
    }
    return references;
  }

  /** The text with every match of {@code pattern} blanked out, newlines kept. */
  private static String blank(String text, Pattern pattern) {
    StringBuilder out = new StringBuilder(text);
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      for (int i = matcher.start(); i < matcher.end(); i++) {
        if (out.charAt(i) != '\n') {
          out.setCharAt(i, ' ');
        }
      }
    }
    return out.toString();
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The text with comments, string and character literals (text blocks too) replaced by spaces, keeping
   * every newline so line numbers stay right.
   */
  static String blankCommentsAndLiterals(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end;
      if (text.startsWith("//", i)) {
        end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
      } else if (text.startsWith("/*", i)) {
        end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
      } else if (text.startsWith("\"\"\"", i)) {
        end = text.indexOf("\"\"\"", i + 3);
        while (end > 0 && text.charAt(end - 1) == '\\') {
          end = text.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? text.length() : end + 3;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, text.length());
      } else {
        out.append(c);
        i++;
        continue;
      }
      for (int j = i; j < end; j++) {
        out.append(text.charAt(j) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }

  /** The {@code org.accord} package a reference names ({@code ""} for the base), or null outside it. */
  private static String accordPackage(String reference) {
    if (!reference.startsWith("org.accord.")) {
      return null;
    }
    String rest = reference.substring("org.accord.".length());
    int dot = rest.indexOf('.');
    String first = dot < 0 ? rest : rest.substring(0, dot);
    return first.isEmpty() || Character.isUpperCase(first.charAt(0)) || first.equals("*") ? "" : first;
  }

  private static String display(String pkg) {
    return pkg.isEmpty() ? "org.accord" : pkg;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
