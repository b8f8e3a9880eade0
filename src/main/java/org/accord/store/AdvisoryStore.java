package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accord.advisory.Advisory;
import org.accord.advisory.AffectedPackage;
import org.accord.advisory.EventRange;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.party.OrgKind;
import org.jdbi.v3.core.Handle;

/**
 * Advisories, their affected packages and names, and the persisted matches between advisories and
 * package versions.
 *
 * <p>Rules: an advisory record is identified by its id, its scope ({@link #PUBLIC}, or {@code org:<id>}
 * for one imported privately by that organization) and its source, the importing organization (ADR
 * 0100): records of the same id from different organizations are kept side by side, as OSV.dev keeps
 * one record per source. Storing the same bytes again for the same key changes nothing; storing another
 * document with the same key replaces that record's content, names, packages and matches in place (its
 * row id stays); no import touches another source's record. The matches are (advisory, component) pairs; products and
 * deployments are derived from the exposure graph when findings are read. Every method runs on the
 * caller's handle and transaction. Stateless and thread-safe.
 */
public final class AdvisoryStore {
  /** The scope of advisories everyone may see. */
  public static final String PUBLIC = "public";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 5_000;
  private static final String WATERMARK = "component_watermark";

  private AdvisoryStore() {}

  /** The private scope of an organization. */
  public static String privateScope(long orgId) {
    return "org:" + orgId;
  }

  /**
   * A stored advisory's row.
   *
   * @param pk the row id
   * @param advisoryId the advisory's id
   * @param scope {@link #PUBLIC} or {@code org:<id>}
   * @param ownerOrgId the importing organization
   * @param owner its name (the record's source), or the label an answer shows in its place (see
   *     {@link #labelled})
   * @param ownerKind its kind (whether others may know it takes part)
   * @param format the format label
   * @param sha256 the document's SHA-256
   * @param summary the summary
   * @param aliases the aliases
   * @param publishedAt publication time in epoch ms, or 0
   * @param modifiedAt modification time in epoch ms, or 0
   * @param withdrawnAt withdrawal time in epoch ms, or 0 when not withdrawn
   * @param importedAt when it was (last) imported
   */
  public record Row(
      long pk, String advisoryId, String scope, long ownerOrgId, String owner, OrgKind ownerKind, String format, String sha256,
      String summary, List<String> aliases, long publishedAt, long modifiedAt, long withdrawnAt, long importedAt) {
    public boolean isPublic() {
      return PUBLIC.equals(scope);
    }

    /** This row with {@code source} shown as its source, for an answer to a viewer who may not know the owner. */
    public Row labelled(String source) {
      return new Row(pk, advisoryId, scope, ownerOrgId, source, ownerKind, format, sha256, summary, aliases, publishedAt, modifiedAt,
          withdrawnAt, importedAt);
    }
  }

  /**
   * What storing did.
   *
   * @param pk the advisory's row id
   * @param duplicate true when these exact bytes were stored before under this id and scope
   * @param replaced true when an earlier document with this id and scope was replaced
   */
  public record Stored(long pk, boolean duplicate, boolean replaced) {}

  /** Stores an advisory (see the class comment); the caller checks who may replace what. */
  public static Stored store(Handle handle, Advisory advisory, String sha256, String scope, long ownerOrgId, long now) {
    Optional<Row> existing = own(handle, advisory.id(), scope, ownerOrgId);
    if (existing.isPresent() && existing.get().sha256().equals(sha256)) {
      return new Stored(existing.get().pk(), true, false);
    }
    long pk;
    if (existing.isPresent()) {
      pk = existing.get().pk();
      handle.createUpdate(
              "UPDATE advisories SET format = :format, sha256 = :sha, summary = :summary, aliases = :aliases,"
                  + " published_at = :published, modified_at = :modified, withdrawn_at = :withdrawn, document = :document,"
                  + " imported_at = :now WHERE id = :pk")
          .bind("format", advisory.format().label())
          .bind("sha", sha256)
          .bind("summary", advisory.summary())
          .bind("aliases", JsonColumns.toJson(advisory.aliases()))
          .bind("published", millis(advisory.published()))
          .bind("modified", millis(advisory.modified()))
          .bind("withdrawn", millis(advisory.withdrawn()))
          .bind("document", advisory.document())
          .bind("now", now)
          .bind("pk", pk)
          .execute();
      for (String table : List.of("advisory_names", "advisory_packages", "advisory_matches")) {
        handle.createUpdate("DELETE FROM " + table + " WHERE advisory_pk = :pk").bind("pk", pk).execute();
      }
    } else {
      pk =
          handle
              .createQuery(
                  "INSERT INTO advisories (advisory_id, scope, owner_org_id, format, sha256, summary, aliases, published_at,"
                      + " modified_at, withdrawn_at, document, imported_at) VALUES (:id, :scope, :owner, :format, :sha, :summary,"
                      + " :aliases, :published, :modified, :withdrawn, :document, :now) RETURNING id")
              .bind("id", advisory.id())
              .bind("scope", scope)
              .bind("owner", ownerOrgId)
              .bind("format", advisory.format().label())
              .bind("sha", sha256)
              .bind("summary", advisory.summary())
              .bind("aliases", JsonColumns.toJson(advisory.aliases()))
              .bind("published", millis(advisory.published()))
              .bind("modified", millis(advisory.modified()))
              .bind("withdrawn", millis(advisory.withdrawn()))
              .bind("document", advisory.document())
              .bind("now", now)
              .mapTo(Long.class)
              .one();
    }
    for (String name : advisory.names()) {
      handle.createUpdate("INSERT INTO advisory_names (advisory_pk, name) VALUES (:pk, :name) ON CONFLICT DO NOTHING")
          .bind("pk", pk)
          .bind("name", normalName(name))
          .execute();
    }
    List<AffectedPackage> affected = advisory.affected();
    for (int i = 0; i < affected.size(); i++) {
      AffectedPackage pkg = affected.get(i);
      handle.createUpdate(
              "INSERT INTO advisory_packages (advisory_pk, position, ecosystem, name, package_key, spec, evaluable)"
                  + " VALUES (:pk, :position, :ecosystem, :name, :key, :spec, :evaluable)")
          .bind("pk", pk)
          .bind("position", i)
          .bind("ecosystem", pkg.osvEcosystem())
          .bind("name", pkg.name())
          .bind("key", pkg.packageKey())
          .bind("spec", spec(pkg))
          .bind("evaluable", pkg.evaluable() ? 1 : 0)
          .execute();
    }
    return new Stored(pk, false, existing.isPresent());
  }

  /** Names are compared upper case (CVE-2021-44228, GHSA-JFH8-…), as every id database treats them. */
  public static String normalName(String name) {
    return name.strip().toUpperCase(Locale.ROOT);
  }

  /** The record of this id, scope and source (importing organization), if stored. */
  public static Optional<Row> own(Handle handle, String advisoryId, String scope, long ownerOrgId) {
    return handle
        .createQuery(SELECT + " WHERE a.advisory_id = :id AND a.scope = :scope AND a.owner_org_id = :owner")
        .bind("id", advisoryId.strip())
        .bind("scope", scope)
        .bind("owner", ownerOrgId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  /**
   * Every record with exactly this id among {@code scopes} (every scope when null), in import order:
   * one per source and scope.
   */
  public static List<Row> records(Handle handle, String advisoryId, List<String> scopes) {
    if (scopes != null && scopes.isEmpty()) {
      return List.of();
    }
    var query =
        handle.createQuery(
            SELECT + " WHERE a.advisory_id = :id" + (scopes == null ? "" : " AND a.scope IN (<scopes>)") + " ORDER BY a.id");
    query.bind("id", advisoryId.strip());
    if (scopes != null) {
      query.bindList("scopes", scopes);
    }
    return query.map((rs, ctx) -> row(rs)).list();
  }

  /** The advisory with this id in the first of {@code scopes} that has it (any source). */
  public static Optional<Row> find(Handle handle, String advisoryId, List<String> scopes) {
    if (scopes.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows =
        handle
            .createQuery(SELECT + " WHERE a.advisory_id = :id AND a.scope IN (<scopes>)")
            .bind("id", advisoryId.strip())
            .bindList("scopes", scopes)
            .map((rs, ctx) -> row(rs))
            .list();
    for (String scope : scopes) {
      for (Row row : rows) {
        if (row.scope().equals(scope)) {
          return Optional.of(row);
        }
      }
    }
    return Optional.empty();
  }

  /** The advisory with this row id. */
  public static Optional<Row> byPk(Handle handle, long pk) {
    return handle.createQuery(SELECT + " WHERE a.id = :pk").bind("pk", pk).map((rs, ctx) -> row(rs)).findOne();
  }

  /**
   * Advisories in the given scopes (every scope when {@code scopes} is null), newest import first.
   *
   * @param name when not empty, only advisories with this id or alias
   */
  public static List<Row> list(Handle handle, List<String> scopes, String name, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    if (scopes != null) {
      if (scopes.isEmpty()) {
        return List.of();
      }
      sql.append(" AND a.scope IN (<scopes>)");
    }
    if (!name.isEmpty()) {
      sql.append(" AND a.id IN (SELECT advisory_pk FROM advisory_names WHERE name = :name)");
    }
    sql.append(" ORDER BY a.imported_at DESC, a.id DESC LIMIT :limit");
    var query = handle.createQuery(sql.toString()).bind("limit", limit);
    if (scopes != null) {
      query.bindList("scopes", scopes);
    }
    if (!name.isEmpty()) {
      query.bind("name", normalName(name));
    }
    return query.map((rs, ctx) -> row(rs)).list();
  }

  /** The stored document of an advisory. */
  public static String document(Handle handle, long pk) {
    return handle.createQuery("SELECT document FROM advisories WHERE id = :pk").bind("pk", pk).mapTo(String.class).one();
  }

  /** The names (id and aliases, upper case) of an advisory. */
  public static List<String> names(Handle handle, long pk) {
    return handle.createQuery("SELECT name FROM advisory_names WHERE advisory_pk = :pk ORDER BY name").bind("pk", pk).mapTo(String.class).list();
  }

  /**
   * The affected entries of every advisory that is not withdrawn, by row id, rebuilt from their stored
   * form (no document is re-read); for the matcher's index at start.
   */
  public static Map<Long, List<AffectedPackage>> affectedOfLiveAdvisories(Handle handle) {
    Map<Long, List<AffectedPackage>> result = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT p.advisory_pk, p.ecosystem, p.name, p.package_key, p.spec FROM advisory_packages p"
                + " JOIN advisories a ON a.id = p.advisory_pk WHERE a.withdrawn_at IS NULL AND p.evaluable = 1"
                + " ORDER BY p.advisory_pk, p.position")
        .setFetchSize(10_000)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), affected(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
        .forEach(entry -> result.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    return result;
  }

  /**
   * What the matcher indexes of one advisory, as {@link #affectedOfLiveAdvisories} reads it for all:
   * its evaluable entries, none when it is withdrawn.
   */
  public static List<AffectedPackage> evaluableOfLive(Handle handle, long pk) {
    return handle
        .createQuery(
            "SELECT p.ecosystem, p.name, p.package_key, p.spec FROM advisory_packages p"
                + " JOIN advisories a ON a.id = p.advisory_pk WHERE p.advisory_pk = :pk AND a.withdrawn_at IS NULL AND p.evaluable = 1"
                + " ORDER BY p.position")
        .bind("pk", pk)
        .map((rs, ctx) -> affected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The affected entries of one advisory, rebuilt from their stored form, in document order. */
  public static List<AffectedPackage> affectedOf(Handle handle, long pk) {
    return handle
        .createQuery("SELECT ecosystem, name, package_key, spec FROM advisory_packages WHERE advisory_pk = :pk ORDER BY position")
        .bind("pk", pk)
        .map((rs, ctx) -> affected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  // ---- matches ----

  /** Adds matches; pairs already stored are kept. */
  public static void addMatches(Handle handle, long pk, long[] componentIds) {
    if (componentIds.length == 0) {
      return;
    }
    try {
      Connection connection = handle.getConnection();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO advisory_matches (advisory_pk, component_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
        Batch batch = new Batch(insert, BATCH);
        for (long id : componentIds) {
          insert.setLong(1, pk);
          insert.setLong(2, id);
          batch.add();
        }
        batch.finish();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store advisory matches: " + e.getMessage(), e);
    }
  }

  /** Replaces every match with {@code matches} (a full rematch). */
  public static void replaceAllMatches(Handle handle, Map<Long, long[]> matches) {
    handle.createUpdate("DELETE FROM advisory_matches").execute();
    for (Map.Entry<Long, long[]> entry : matches.entrySet()) {
      addMatches(handle, entry.getKey(), entry.getValue());
    }
  }

  /** How many matches are stored. */
  public static long matchCount(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM advisory_matches").mapTo(Long.class).one();
  }

  /**
   * A matched package version.
   *
   * @param componentId the component's id
   * @param purl its canonical PURL
   * @param packageKey its package key
   * @param version its version
   */
  public record Match(long componentId, String purl, String packageKey, String version) {}

  /** The matched package versions of an advisory, by package key and version. */
  public static List<Match> matches(Handle handle, long pk) {
    return handle
        .createQuery(
            "SELECT c.id, c.purl, c.package_key, c.version FROM advisory_matches m JOIN components c ON c.id = m.component_id"
                + " WHERE m.advisory_pk = :pk ORDER BY c.package_key, c.id")
        .bind("pk", pk)
        .map((rs, ctx) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Row ids of the advisories with at least one match, among {@code scopes} (all when null). */
  public static List<Long> matchedAdvisories(Handle handle, List<String> scopes) {
    if (scopes != null && scopes.isEmpty()) {
      return List.of();
    }
    var query =
        handle.createQuery(
            "SELECT a.id FROM advisories a WHERE a.withdrawn_at IS NULL"
                + (scopes == null ? "" : " AND a.scope IN (<scopes>)")
                + " AND EXISTS (SELECT 1 FROM advisory_matches m WHERE m.advisory_pk = a.id) ORDER BY a.advisory_id");
    if (scopes != null) {
      query.bindList("scopes", scopes);
    }
    return query.mapTo(Long.class).list();
  }

  /** Match counts per advisory row id, for listings. */
  public static Map<Long, Long> matchCounts(Handle handle, Collection<Long> pks) {
    Map<Long, Long> counts = new LinkedHashMap<>();
    if (pks.isEmpty()) {
      return counts;
    }
    handle.createQuery("SELECT advisory_pk, COUNT(*) FROM advisory_matches WHERE advisory_pk IN (<pks>) GROUP BY advisory_pk")
        .bindList("pks", List.copyOf(pks))
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  /** The highest component id that has been matched against every advisory; 0 at first. */
  public static long watermark(Handle handle) {
    return handle.createQuery("SELECT value FROM matcher_state WHERE name = :name").bind("name", WATERMARK).mapTo(Long.class).findOne().orElse(0L);
  }

  /** The highest component id in the catalogue; 0 when it is empty. */
  public static long maxComponentId(Handle handle) {
    return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM components").mapTo(Long.class).one();
  }

  /** Records the watermark. */
  public static void setWatermark(Handle handle, long value) {
    handle.createUpdate(
            "INSERT INTO matcher_state (name, value) VALUES (:name, :value) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        .bind("name", WATERMARK)
        .bind("value", value)
        .execute();
  }

  /**
   * A catalogue component, for matching new package versions.
   *
   * @param id its id
   * @param packageKey its package key
   * @param version its version
   */
  public record Component(long id, String packageKey, String version) {}

  /** Components with an id above {@code watermark}, in id order. */
  public static void componentsAbove(Handle handle, long watermark, java.util.function.Consumer<Component> consumer) {
    handle.createQuery("SELECT id, package_key, version FROM components WHERE id > :watermark ORDER BY id")
        .bind("watermark", watermark)
        .setFetchSize(10_000)
        .map((rs, ctx) -> new Component(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .forEach(consumer);
  }

  /** The candidate versions of a package by SQL, as a Dependency-Track-style matcher fetches them. */
  public static List<Component> versionsOf(Handle handle, String packageKey) {
    return handle.createQuery("SELECT id, package_key, version FROM components WHERE package_key = :key")
        .bind("key", packageKey)
        .map((rs, ctx) -> new Component(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  // ---- (de)serialisation ----

  private static final String SELECT =
      "SELECT a.id, a.advisory_id, a.scope, a.owner_org_id, o.name, o.kind, a.format, a.sha256, a.summary, a.aliases,"
          + " a.published_at, a.modified_at, a.withdrawn_at, a.imported_at FROM advisories a"
          + " JOIN organizations o ON o.id = a.owner_org_id";

  private static Row row(java.sql.ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), OrgKind.parse(rs.getString(6)), rs.getString(7),
        rs.getString(8), rs.getString(9), JsonColumns.fromJson(rs.getString(10), "JSON list column"), rs.getLong(11), rs.getLong(12),
        rs.getLong(13), rs.getLong(14));
  }

  private static Long millis(Optional<Instant> instant) {
    return instant.map(Instant::toEpochMilli).orElse(null);
  }

  /** An affected entry as stored: its ranges, versions and vers ranges. */
  static String spec(AffectedPackage pkg) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("ecosystem", pkg.ecosystem().purlType());
    ArrayNode ranges = spec.putArray("ranges");
    for (EventRange range : pkg.ranges()) {
      ObjectNode node = ranges.addObject().put("type", range.type().name()).put("repo", range.repo());
      ArrayNode events = node.putArray("events");
      for (OsvEvent event : range.events()) {
        events.addObject().put(event.kind().name(), event.version());
      }
    }
    ArrayNode versions = spec.putArray("versions");
    pkg.versions().forEach(versions::add);
    ArrayNode vers = spec.putArray("vers");
    pkg.vers().forEach(vers::add);
    return spec.toString();
  }

  static AffectedPackage affected(String osvEcosystem, String name, String packageKey, String specText) {
    try {
      JsonNode spec = JSON.readTree(specText);
      List<EventRange> ranges = new ArrayList<>();
      for (JsonNode range : spec.path("ranges")) {
        List<OsvEvent> events = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
          var field = event.properties().iterator().next();
          events.add(new OsvEvent(OsvEvent.Kind.valueOf(field.getKey()), field.getValue().asText()));
        }
        ranges.add(new EventRange(EventRange.Type.valueOf(range.path("type").asText()), range.path("repo").asText(), events));
      }
      List<String> versions = new ArrayList<>();
      spec.path("versions").forEach(v -> versions.add(v.asText()));
      List<String> vers = new ArrayList<>();
      spec.path("vers").forEach(v -> vers.add(v.asText()));
      return AffectedPackage.of(
          osvEcosystem, Ecosystem.fromPurlType(spec.path("ecosystem").asText()), name, packageKey, ranges, versions, vers);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("corrupt advisory_packages row for " + packageKey + ": " + e.getMessage(), e);
    }
  }
}
