package org.accord.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule packs an instance uses: the shipped ones, and its own from its rules directory (ADR 0131).
 * An instance pack with the id of a shipped one replaces it only when it says so ({@code "overrides":
 * true}); otherwise the instance does not start. Immutable and thread-safe.
 */
public final class RuleBook {
  /** The packs that ship with Accord, as resources {@code org/accord/jurisdiction/packs/ID.json}. */
  public static final List<String> SHIPPED_IDS = List.of("eu-cra", "eu-nis2", "cn-rmsv", "disclosure-policies", "sanctions");

  /** Where a pack in use came from. */
  public enum Origin {
    /** Shipped with Accord. */
    SHIPPED,
    /** From the instance's rules directory. */
    INSTANCE
  }

  /**
   * A pack read from a file.
   *
   * @param file the file's name, such as {@code acme-policy.json}, whose base name must be the pack's id
   * @param pack the pack
   */
  public record Loaded(String file, RulePack pack) {
    public Loaded {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(pack, "pack");
    }
  }

  /**
   * A pack in use.
   *
   * @param pack the pack
   * @param origin where it came from
   * @param file its file name ({@code eu-cra.json} for a shipped pack)
   * @param replacesShipped whether it is an instance pack that replaces the shipped pack of its id
   */
  public record Entry(RulePack pack, Origin origin, String file, boolean replacesShipped) {}

  private static final class Shipped {
    static final List<Loaded> PACKS = readShipped();
  }

  private final Map<String, Entry> byId;

  private RuleBook(Map<String, Entry> byId) {
    this.byId = byId;
  }

  /** The shipped packs, read once. */
  public static List<Loaded> shipped() {
    return Shipped.PACKS;
  }

  /** Only the shipped packs. */
  public static RuleBook shippedOnly() {
    return of(List.of());
  }

  /**
   * The shipped packs with {@code instance} packs added or, where they say so, replacing shipped ones.
   *
   * @throws RulePackException naming the file and field: a file whose base name is not its pack's id
   *     ({@code /id}), two files with one id ({@code /id}), an id a shipped pack has without {@code
   *     "overrides": true} ({@code /id}), or {@code "overrides": true} with no shipped pack to replace
   *     ({@code /overrides})
   */
  public static RuleBook of(List<Loaded> instance) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (Loaded loaded : shipped()) {
      byId.put(loaded.pack().id(), new Entry(loaded.pack(), Origin.SHIPPED, loaded.file(), false));
    }
    Map<String, String> instanceFiles = new HashMap<>();
    for (Loaded loaded : instance) {
      RulePack pack = loaded.pack();
      String base = baseName(loaded.file());
      if (!base.equals(pack.id())) {
        throw new RulePackException(loaded.file(), "/id",
            "the pack's id '" + pack.id() + "' must be the file's name without its extension ('" + base + "')");
      }
      String other = instanceFiles.putIfAbsent(pack.id(), loaded.file());
      if (other != null) {
        throw new RulePackException(loaded.file(), "/id", "'" + other + "' already holds a pack with the id '" + pack.id() + "'");
      }
      Entry shipped = byId.get(pack.id());
      boolean isShipped = shipped != null && shipped.origin() == Origin.SHIPPED;
      if (isShipped && !pack.overrides()) {
        throw new RulePackException(loaded.file(), "/id",
            "Accord ships a pack with the id '" + pack.id() + "'; to replace it, say so with \"overrides\": true");
      }
      if (!isShipped && pack.overrides()) {
        throw new RulePackException(loaded.file(), "/overrides",
            "no shipped pack has the id '" + pack.id() + "' to override; shipped: " + String.join(", ", SHIPPED_IDS));
      }
      byId.put(pack.id(), new Entry(pack, Origin.INSTANCE, loaded.file(), isShipped));
    }
    List<Entry> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparing(entry -> entry.pack().id()));
    Map<String, Entry> ordered = new LinkedHashMap<>();
    sorted.forEach(entry -> ordered.put(entry.pack().id(), entry));
    return new RuleBook(java.util.Collections.unmodifiableMap(ordered));
  }

  /** Every pack in use, by id. */
  public List<Entry> packs() {
    return List.copyOf(byId.values());
  }

  /**
   * The disclosure policy {@code id} from the policy packs in use, if one has it. Policy ids are unique
   * within a pack; across packs the first pack in id order that has it wins, so an instance pack that
   * overrides {@code disclosure-policies} decides its own policies.
   */
  public Optional<DisclosurePolicy> policy(String id) {
    return byId.values().stream()
        .flatMap(entry -> entry.pack().policies().stream())
        .filter(policy -> policy.id().equals(id))
        .findFirst();
  }

  /** The pack in use with {@code id}, if any. */
  public Optional<Entry> pack(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The file name without its last extension. */
  static String baseName(String file) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  private static List<Loaded> readShipped() {
    List<Loaded> packs = new ArrayList<>();
    for (String id : SHIPPED_IDS) {
      String file = id + ".json";
      try (InputStream in = RuleBook.class.getResourceAsStream("packs/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the shipped rule pack " + file + " is missing from the build");
        }
        RulePack pack = RulePackReader.read(file, in);
        if (!pack.id().equals(id) || pack.overrides()) {
          throw new IllegalStateException("the shipped rule pack " + file + " has id " + pack.id() + " or overrides set");
        }
        packs.add(new Loaded(file, pack));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(packs);
  }
}
