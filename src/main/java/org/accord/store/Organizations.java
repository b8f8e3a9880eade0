package org.accord.store;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.jdbi.v3.core.Handle;

/**
 * The organizations table: every party that uploads, operates, coordinates or reports. Names are
 * unique and case-sensitive as given. Stateless and thread-safe; each method runs on the caller's
 * handle, inside the caller's transaction.
 */
public final class Organizations {
  /** The organization kinds of the security model. */
  public static final Set<String> KINDS =
      Set.of("maintainer", "foundation", "vendor", "operator", "cert", "government", "researcher", "other");

  private Organizations() {}

  /** An organization row. */
  public record Organization(long id, String name, String kind) {}

  /**
   * Returns the id of the organization with this name, creating it with {@code kind} if absent. An
   * existing organization keeps its kind.
   *
   * @throws InvalidInputException if the name is blank or the kind unknown
   */
  public static long ensure(Handle handle, String name, String kind, long now) {
    String cleanName = requireName(name);
    String cleanKind = kind.toLowerCase(Locale.ROOT);
    if (!KINDS.contains(cleanKind)) {
      throw new InvalidInputException("unknown organization kind '" + kind + "'; use one of " + new java.util.TreeSet<>(KINDS));
    }
    handle
        .createUpdate(
            "INSERT INTO organizations (name, kind, created_at) VALUES (:name, :kind, :now) ON CONFLICT (name) DO NOTHING")
        .bind("name", cleanName)
        .bind("kind", cleanKind)
        .bind("now", now)
        .execute();
    return handle.createQuery("SELECT id FROM organizations WHERE name = :name").bind("name", cleanName).mapTo(Long.class).one();
  }

  /** The organization with this name, if any. */
  public static Optional<Organization> find(Handle handle, String name) {
    return handle
        .createQuery("SELECT id, name, kind FROM organizations WHERE name = :name")
        .bind("name", name == null ? "" : name.strip())
        .map((rs, ctx) -> new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("kind")))
        .findOne();
  }

  static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("organization name is empty");
    }
    if (name.strip().length() > 200) {
      throw new InvalidInputException("organization name is longer than 200 characters");
    }
    return name.strip();
  }
}
