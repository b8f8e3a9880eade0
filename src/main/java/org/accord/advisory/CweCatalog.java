package org.accord.advisory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the CWE entries (weaknesses, categories and deprecated entries), by number, from the
 * snapshot of MITRE's CWE list on the classpath ({@code cwe-names.tsv}; see ADR 0042). Immutable and
 * thread-safe.
 */
final class CweCatalog {
  private final Map<Integer, String> names;

  private CweCatalog(Map<Integer, String> names) {
    this.names = names;
  }

  /** The shared instance, loaded on first use. */
  static CweCatalog shipped() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final CweCatalog INSTANCE = load();
  }

  /** The name of {@code CWE-number}, or null when the list has no such entry. */
  String name(int number) {
    return names.get(number);
  }

  int size() {
    return names.size();
  }

  private static CweCatalog load() {
    Map<Integer, String> names = new HashMap<>();
    try (InputStream in = CweCatalog.class.getResourceAsStream("cwe-names.tsv")) {
      if (in == null) {
        throw new IllegalStateException("cwe-names.tsv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        names.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CweCatalog(Map.copyOf(names));
  }
}
