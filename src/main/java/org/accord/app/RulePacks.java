package org.accord.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.accord.EnvironmentException;
import org.accord.NotFoundException;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.jurisdiction.RulePackException;
import org.accord.jurisdiction.RulePackReader;
import org.accord.party.Principal;

/**
 * The jurisdiction rule packs an instance uses (ADR 0130, 0131): the shipped ones and the instance's own
 * from its rules directory, read and checked once when the instance opens. A bad pack stops the
 * instance from opening, naming the file and the field.
 *
 * <p>The rules directory is {@code ACCORD_RULES_DIR} when set (it must then exist), else {@code rules}
 * in the data directory when that exists. Files named {@code *.json}, {@code *.yaml} and {@code *.yml}
 * are packs; every other file there is left alone. Immutable and thread-safe.
 */
public final class RulePacks {
  /** The variable naming the rules directory. */
  public static final String DIRECTORY_VARIABLE = "ACCORD_RULES_DIR";

  private final RuleBook book;
  private final Path directory;

  private RulePacks(RuleBook book, Path directory) {
    this.book = book;
    this.directory = directory;
  }

  /** The rules directory for {@code dataDir} under {@code environment}: the variable's, else {@code DATA/rules}. */
  public static Path directory(Path dataDir, Map<String, String> environment) {
    String named = environment.get(DIRECTORY_VARIABLE);
    return named == null || named.isBlank() ? dataDir.resolve("rules") : Path.of(named.strip());
  }

  /** Whether {@code directory} was named by the environment, and so must exist. */
  private static boolean required(Map<String, String> environment) {
    String named = environment.get(DIRECTORY_VARIABLE);
    return named != null && !named.isBlank();
  }

  /** The packs for an instance on {@code dataDir}, with the rules directory from the process environment. */
  public static RulePacks load(Path dataDir) {
    return load(dataDir, System.getenv());
  }

  /**
   * The shipped packs and those of the rules directory.
   *
   * @throws EnvironmentException if a pack is refused (the message names the file and the JSON Pointer
   *     of the field, as {@code rules/acme.json#/rules/0/trigger}), a file cannot be read, or {@code
   *     ACCORD_RULES_DIR} names no directory
   */
  public static RulePacks load(Path dataDir, Map<String, String> environment) {
    Path directory = directory(dataDir, environment);
    if (!Files.isDirectory(directory)) {
      if (required(environment)) {
        throw new EnvironmentException(DIRECTORY_VARIABLE + " names " + directory + ", which is not a directory");
      }
      return new RulePacks(RuleBook.shippedOnly(), null);
    }
    List<RuleBook.Loaded> loaded = new ArrayList<>();
    try {
      for (Path file : files(directory)) {
        loaded.add(new RuleBook.Loaded(file.toString(), read(file)));
      }
      return new RulePacks(RuleBook.of(loaded), directory);
    } catch (RulePackException e) {
      throw new EnvironmentException("rule pack " + e.describe(), e);
    }
  }

  /**
   * Reads one pack file as the instance would, checking it against the shipped packs too (its name, and
   * {@code overrides}); for {@code accord rules validate}, which needs no data directory.
   *
   * @throws RulePackException naming the file and field
   * @throws EnvironmentException if the file cannot be read
   */
  public static RulePack check(Path file) {
    RulePack pack = read(file);
    RuleBook.of(List.of(new RuleBook.Loaded(file.toString(), pack)));
    return pack;
  }

  private static RulePack read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return RulePackReader.read(file.toString(), in);
    } catch (IOException e) {
      throw new EnvironmentException("cannot read rule pack " + file + ": " + e.getMessage(), e);
    }
  }

  /** The pack files of {@code directory}, sorted by name, so the first of two with one id is always the same. */
  private static List<Path> files(Path directory) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pack = name.endsWith(".json") || RulePackReader.isYaml(name);
        if (pack && !name.startsWith(".") && Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new EnvironmentException("cannot list the rules directory " + directory + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  /** The rules directory read, or null when there was none. */
  public Path directory() {
    return directory;
  }

  /** Every pack in use. Rule packs are law and policy, readable by every authenticated caller. */
  public List<RuleBook.Entry> list(Principal principal) {
    Objects.requireNonNull(principal, "principal");
    return book.packs();
  }

  /**
   * The pack with {@code id}.
   *
   * @throws NotFoundException if there is none
   */
  public RuleBook.Entry show(Principal principal, String id) {
    Objects.requireNonNull(principal, "principal");
    return book.pack(id).orElseThrow(() -> new NotFoundException("no rule pack '" + id + "'"));
  }

  /** The book itself, for the plan. */
  public RuleBook book() {
    return book;
  }

  /** A pack's summary as the API and {@code accord rules list --json} give it. */
  public static Map<String, Object> summary(RuleBook.Entry entry) {
    RulePack pack = entry.pack();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", pack.id());
    out.put("kind", pack.kind().name().toLowerCase(Locale.ROOT));
    out.put("title", pack.title());
    out.put("jurisdictions", pack.jurisdictions());
    out.put("source", pack.source().title());
    out.put("checked", pack.checked().toString());
    origin(entry, out);
    out.put("rules", pack.rules().size());
    out.put("policies", pack.policies().size());
    out.put("blocked", pack.blocked().size());
    return out;
  }

  /** A whole pack as the API and {@code accord rules show --json} give it: where it came from, and the pack as written. */
  public static Map<String, Object> describe(RuleBook.Entry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", entry.pack().id());
    origin(entry, out);
    JsonNode pack = RulePackReader.toTree(entry.pack());
    out.put("pack", pack);
    return out;
  }

  /** Where the pack came from: its origin and its file's name (never the server's path). */
  private static void origin(RuleBook.Entry entry, Map<String, Object> out) {
    out.put("origin", entry.origin().name().toLowerCase(Locale.ROOT));
    out.put("file", Path.of(entry.file()).getFileName().toString());
    out.put("replaces_shipped", entry.replacesShipped());
  }
}
