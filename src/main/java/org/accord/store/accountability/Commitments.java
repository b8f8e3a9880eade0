package org.accord.store.accountability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.accord.accountability.commitment.CommitmentDeadlines;
import org.accord.accountability.commitment.CommitmentKind;
import org.accord.accountability.commitment.Pledge;
import org.accord.accountability.commitment.PledgeDocument;
import org.accord.accountability.commitment.PledgeVersion;
import org.accord.sbom.Sector;
import org.jdbi.v3.core.Handle;

/**
 * Commitments, their versions and their members (ADR 0140, V29). A version is inserted and never
 * updated but for {@code superseded_at}; {@link #supersede} moves the current version only from the
 * version the publisher read, in one statement, so concurrent supersedes of one version leave one
 * winner and a chain without gap or fork. Stateless and thread-safe; methods run on the caller's
 * handle and transaction.
 */
public final class Commitments {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "SELECT c.public_id, v.version, c.org_id, o.name, v.body, v.published_at, v.superseded_at";
  private static final String VERSIONS =
      COLUMNS + " FROM commitment_versions v JOIN commitments c ON c.id = v.commitment_id JOIN organizations o ON o.id = c.org_id";

  private Commitments() {}

  /** A stored commitment: its row id, public id, publisher and current version. */
  public record Row(long pk, String id, long organization, CommitmentKind kind, int current) {}

  /** A member of an arrangement's version. */
  public record Membership(String commitment, int version, long organization, String organizationName, Instant joined) {}

  /** Inserts a new commitment with {@code pledge} as version 1; its row. */
  public static Row create(Handle handle, long organization, Pledge pledge, Long member, long now) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = "cmt_" + HexFormat.of().formatHex(bytes);
    long pk = handle.createQuery("INSERT INTO commitments (public_id, org_id, kind, current_version, created_at)"
            + " VALUES (:id, :org, :kind, 1, :now) RETURNING id")
        .bind("id", id).bind("org", organization).bind("kind", pledge.kind().label()).bind("now", now)
        .mapTo(Long.class).one();
    insertVersion(handle, pk, 1, pledge, member, now);
    return new Row(pk, id, organization, pledge.kind(), 1);
  }

  /**
   * Makes {@code pledge} version {@code read + 1} of the commitment, superseding version {@code read},
   * if {@code read} is still the current version.
   *
   * @return false if another version superseded {@code read} first; nothing is written then
   */
  public static boolean supersede(Handle handle, Row row, int read, Pledge pledge, Long member, long now) {
    int moved = handle.createUpdate("UPDATE commitments SET current_version = :next WHERE id = :pk AND current_version = :read")
        .bind("next", read + 1).bind("pk", row.pk()).bind("read", read).execute();
    if (moved != 1) {
      return false;
    }
    handle.createUpdate("UPDATE commitment_versions SET superseded_at = :now WHERE commitment_id = :pk AND version = :read"
            + " AND superseded_at IS NULL")
        .bind("now", now).bind("pk", row.pk()).bind("read", read).execute();
    insertVersion(handle, row.pk(), read + 1, pledge, member, now);
    return true;
  }

  private static void insertVersion(Handle handle, long pk, int version, Pledge pledge, Long member, long now) {
    handle.createUpdate("INSERT INTO commitment_versions (commitment_id, version, body, published_at, published_by_member)"
            + " VALUES (:pk, :version, :body, :now, :member)")
        .bind("pk", pk).bind("version", version).bind("body", json(PledgeDocument.describe(pledge))).bind("now", now)
        .bind("member", member).execute();
  }

  /** The commitment with this public id, if any. */
  public static Optional<Row> find(Handle handle, String id) {
    return handle.createQuery("SELECT id, public_id, org_id, kind, current_version FROM commitments WHERE public_id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), CommitmentKind.parse(rs.getString(4), "kind"), rs.getInt(5)))
        .findOne();
  }

  /** Every version of a commitment, oldest first. */
  public static List<PledgeVersion> versions(Handle handle, long pk) {
    return handle.createQuery(VERSIONS + " WHERE v.commitment_id = :pk ORDER BY v.version").bind("pk", pk).map((rs, ctx) -> version(rs)).list();
  }

  /**
   * The current versions, newest commitment first, optionally only those of one publisher and one kind.
   *
   * @param organization the publisher's id, or null for every publisher
   * @param kind the kind, or null for both
   * @param limit at most this many
   */
  public static List<PledgeVersion> current(Handle handle, Long organization, CommitmentKind kind, int limit) {
    StringBuilder sql = new StringBuilder(VERSIONS + " WHERE v.version = c.current_version");
    if (organization != null) {
      sql.append(" AND c.org_id = :org");
    }
    if (kind != null) {
      sql.append(" AND c.kind = :kind");
    }
    sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
    var query = handle.createQuery(sql.toString()).bind("limit", limit);
    if (organization != null) {
      query.bind("org", organization);
    }
    if (kind != null) {
      query.bind("kind", kind.label());
    }
    return query.map((rs, ctx) -> version(rs)).list();
  }

  /** Adds {@code organization} as a member of a version; the caller checked it is not one yet. */
  public static void join(Handle handle, Row row, int version, long organization, Long member, long now) {
    handle.createUpdate("INSERT INTO commitment_members (commitment_id, version, org_id, joined_at, joined_by_member)"
            + " VALUES (:pk, :version, :org, :now, :member)")
        .bind("pk", row.pk()).bind("version", version).bind("org", organization).bind("now", now).bind("member", member).execute();
  }

  /** Whether {@code organization} joined that version. */
  public static boolean joined(Handle handle, Row row, int version, long organization) {
    return handle.createQuery("SELECT COUNT(*) FROM commitment_members WHERE commitment_id = :pk AND version = :version AND org_id = :org")
        .bind("pk", row.pk()).bind("version", version).bind("org", organization).mapTo(Long.class).one() > 0;
  }

  /** The members of every version of a commitment, by version then join time. */
  public static List<Membership> members(Handle handle, Row row) {
    return handle.createQuery("SELECT m.version, m.org_id, o.name, m.joined_at FROM commitment_members m"
            + " JOIN organizations o ON o.id = m.org_id WHERE m.commitment_id = :pk ORDER BY m.version, m.joined_at, o.name")
        .bind("pk", row.pk())
        .map((rs, ctx) -> new Membership(row.id(), rs.getInt(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  /**
   * What binds {@code organizations}: every version of the pledges each published (from its publication),
   * and every arrangement version each joined (from the join).
   */
  public static List<CommitmentDeadlines.Binding> bindings(Handle handle, Collection<Long> organizations) {
    List<CommitmentDeadlines.Binding> out = new ArrayList<>();
    if (organizations.isEmpty()) {
      return out;
    }
    for (PledgeVersion v : handle.createQuery(VERSIONS + " WHERE c.kind = :kind AND c.org_id IN (<orgs>)")
        .bind("kind", CommitmentKind.PLEDGE.label()).bindList("orgs", List.copyOf(organizations)).map((rs, ctx) -> version(rs)).list()) {
      out.add(new CommitmentDeadlines.Binding(v, v.organization(), v.published()));
    }
    handle.createQuery(VERSIONS.replace(COLUMNS, COLUMNS + ", m.org_id AS member_org, m.joined_at AS member_joined")
            + " JOIN commitment_members m ON m.commitment_id = v.commitment_id AND m.version = v.version"
            + " WHERE m.org_id IN (<orgs>)")
        .bindList("orgs", List.copyOf(organizations))
        .map((rs, ctx) -> new CommitmentDeadlines.Binding(version(rs), rs.getLong("member_org"), Instant.ofEpochMilli(rs.getLong("member_joined"))))
        .forEach(out::add);
    return out;
  }

  /** The sectors of the deployments each of {@code organizations} operates. */
  public static Map<Long, Set<Sector>> sectors(Handle handle, Collection<Long> organizations) {
    Map<Long, Set<Sector>> out = new LinkedHashMap<>();
    if (organizations.isEmpty()) {
      return out;
    }
    handle.createQuery("SELECT DISTINCT operator_org_id, sector FROM deployments WHERE operator_org_id IN (<orgs>)")
        .bindList("orgs", List.copyOf(organizations))
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(Sector.parse(e.getValue())));
    return out;
  }

  private static PledgeVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
    Pledge pledge;
    try {
      pledge = PledgeDocument.stored(JSON.readTree(rs.getString(5)));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("corrupt commitment_versions.body of " + rs.getString(1) + " v" + rs.getInt(2) + ": " + e.getMessage(), e);
    }
    long supersededAt = rs.getLong(7);
    Optional<Instant> superseded = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(supersededAt));
    return new PledgeVersion(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), pledge,
        Instant.ofEpochMilli(rs.getLong(6)), superseded);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
