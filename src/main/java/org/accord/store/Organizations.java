package org.accord.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.jdbi.v3.core.Handle;

/**
 * The organizations table: every party that uploads, operates, coordinates or reports. Names are
 * unique and case-sensitive as given. Organizations are created on purpose ({@link #create}), never as
 * a side effect of an upload that names one. Stateless and thread-safe; each method runs on the
 * caller's handle, inside the caller's transaction.
 */
public final class Organizations {
  private static final String COLUMNS = "o.id, o.name, o.kind, o.country, o.contact_email";

  private Organizations() {}

  /**
   * Creates an organization.
   *
   * @throws InvalidInputException if one with this name exists (location {@code name})
   */
  public static Organization create(Handle handle, String name, OrgKind kind, String country, String contactEmail, long now) {
    Organization checked = new Organization(0, name, kind, country, contactEmail);
    if (find(handle, checked.name()).isPresent()) {
      throw new InvalidInputException("an organization named '" + checked.name() + "' exists", "name");
    }
    long id =
        handle
            .createQuery(
                "INSERT INTO organizations (name, kind, country, contact_email, created_at)"
                    + " VALUES (:name, :kind, :country, :email, :now) RETURNING id")
            .bind("name", checked.name())
            .bind("kind", kind.label())
            .bind("country", checked.country())
            .bind("email", checked.contactEmail())
            .bind("now", now)
            .mapTo(Long.class)
            .one();
    return new Organization(id, checked.name(), kind, checked.country(), checked.contactEmail());
  }

  /**
   * The organization with this name, creating it with {@code kind} if absent; for the demo world and
   * the local command line's own organization, which exist by construction.
   */
  public static Organization ensure(Handle handle, String name, OrgKind kind, long now) {
    Optional<Organization> found = find(handle, name);
    return found.isPresent() ? found.get() : create(handle, name, kind, null, null, now);
  }

  /** The organization with this name, if any. */
  public static Optional<Organization> find(Handle handle, String name) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM organizations o WHERE o.name = :name")
        .bind("name", name == null ? "" : name.strip())
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  /**
   * The organization with this name.
   *
   * @throws NotFoundException if there is none
   */
  public static Organization require(Handle handle, String name) {
    return find(handle, name).orElseThrow(() -> new NotFoundException("no organization named '" + (name == null ? "" : name.strip()) + "'"));
  }

  /** The organization with this id; it must exist. */
  public static Organization byId(Handle handle, long id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM organizations o WHERE o.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .one();
  }

  /** The organizations with these ids, by id; one query. */
  public static java.util.Map<Long, Organization> byIds(Handle handle, java.util.Collection<Long> ids) {
    java.util.Map<Long, Organization> out = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      handle.createQuery("SELECT " + COLUMNS + " FROM organizations o WHERE o.id IN (<ids>)").bindList("ids", List.copyOf(ids))
          .map((rs, ctx) -> read(rs)).forEach(o -> out.put(o.id(), o));
    }
    return out;
  }

  /** Every organization, by name. */
  public static List<Organization> list(Handle handle) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM organizations o ORDER BY o.name").map((rs, ctx) -> read(rs)).list();
  }

  /** Reads the {@link #COLUMNS} of the current row; {@code prefix} names them in a join. */
  static Organization read(ResultSet rs) throws SQLException {
    return new Organization(
        rs.getLong("id"), rs.getString("name"), OrgKind.parse(rs.getString("kind")), rs.getString("country"),
        rs.getString("contact_email"));
  }
}
