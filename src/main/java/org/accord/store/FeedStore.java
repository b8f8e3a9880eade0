package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.triage.EpssFeed;
import org.accord.triage.KevCatalog;
import org.accord.triage.Provenance;
import org.jdbi.v3.core.Handle;

/**
 * The exploitation evidence feeds: CISA KEV catalogs and FIRST EPSS score files. Each import records a
 * snapshot (feed, version, publication time, SHA-256, entry count) and replaces the feed's entries with
 * the new ones; a snapshot older than the stored one is refused by the caller. Each method runs on the
 * caller's handle and transaction. Stateless and thread-safe.
 */
public final class FeedStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 5_000;

  private FeedStore() {}

  /**
   * A stored snapshot.
   *
   * @param id the snapshot's id
   * @param provenance the feed, version and publication time
   * @param sha256 the imported file's SHA-256
   * @param entries how many entries it had
   * @param importedAt when it was imported
   */
  public record Snapshot(long id, Provenance provenance, String sha256, int entries, long importedAt) {}

  /** The latest snapshot of a feed ({@link Provenance#KEV} or {@link Provenance#EPSS}), if any. */
  public static Optional<Snapshot> latest(Handle handle, String feed) {
    return handle
        .createQuery(
            "SELECT id, feed, version, published, sha256, entry_count, imported_at FROM feed_snapshots WHERE feed = :feed"
                + " ORDER BY published_at DESC, id DESC LIMIT 1")
        .bind("feed", feed)
        .map(
            (rs, ctx) ->
                new Snapshot(
                    rs.getLong(1), new Provenance(rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))),
                    rs.getString(5), rs.getInt(6), rs.getLong(7)))
        .findOne();
  }

  /** Stores a KEV catalog as the feed's current entries. */
  public static Snapshot storeKev(Handle handle, KevCatalog catalog, String sha256, long now) {
    long id = snapshot(handle, catalog.provenance(), sha256, catalog.entries().size(), now);
    handle.createUpdate("DELETE FROM kev_entries").execute();
    try (PreparedStatement insert =
        handle.getConnection().prepareStatement("INSERT INTO kev_entries (cve, snapshot_id, entry) VALUES (?, ?, ?)")) {
      Batch batch = new Batch(insert, BATCH);
      for (KevCatalog.Entry entry : catalog.entries()) {
        insert.setString(1, entry.cveId());
        insert.setLong(2, id);
        insert.setString(3, kevJson(entry));
        batch.add();
      }
      batch.finish();
    } catch (SQLException e) {
      throw new StoreException("cannot store the KEV catalog: " + e.getMessage(), e);
    }
    return new Snapshot(id, catalog.provenance(), sha256, catalog.entries().size(), now);
  }

  /** Stores an EPSS score file as the feed's current scores. */
  public static Snapshot storeEpss(Handle handle, EpssFeed feed, String sha256, long now) {
    long id = snapshot(handle, feed.provenance(), sha256, feed.size(), now);
    handle.createUpdate("DELETE FROM epss_scores").execute();
    Connection connection = handle.getConnection();
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO epss_scores (cve, snapshot_id, epss, percentile) VALUES (?, ?, ?, ?)")) {
      Batch batch = new Batch(insert, BATCH);
      for (EpssFeed.Score score : feed.scores()) {
        insert.setString(1, score.cve());
        insert.setLong(2, id);
        insert.setDouble(3, score.epss());
        insert.setDouble(4, score.percentile());
        batch.add();
      }
      batch.finish();
    } catch (SQLException e) {
      throw new StoreException("cannot store the EPSS scores: " + e.getMessage(), e);
    }
    return new Snapshot(id, feed.provenance(), sha256, feed.size(), now);
  }

  /** The current KEV entry of a CVE, if the latest catalog lists it. */
  public static Optional<KevCatalog.Entry> kevEntry(Handle handle, String cve) {
    return handle.createQuery("SELECT entry FROM kev_entries WHERE cve = :cve").bind("cve", cve).mapTo(String.class).findOne()
        .map(FeedStore::kevEntry);
  }

  /** The current EPSS score of a CVE, if the latest file scores it. */
  public static Optional<EpssFeed.Score> epssScore(Handle handle, String cve) {
    return handle.createQuery("SELECT cve, epss, percentile FROM epss_scores WHERE cve = :cve")
        .bind("cve", cve)
        .map((rs, ctx) -> new EpssFeed.Score(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
        .findOne();
  }

  private static long snapshot(Handle handle, Provenance provenance, String sha256, int entries, long now) {
    return handle.createQuery(
            "INSERT INTO feed_snapshots (feed, version, published_at, published, sha256, entry_count, imported_at)"
                + " VALUES (:feed, :version, :publishedAt, :published, :sha, :entries, :now) RETURNING id")
        .bind("feed", provenance.feed())
        .bind("version", provenance.version())
        .bind("publishedAt", provenance.published().toEpochMilli())
        .bind("published", provenance.published().toString())
        .bind("sha", sha256)
        .bind("entries", entries)
        .bind("now", now)
        .mapTo(Long.class)
        .one();
  }

  private static String kevJson(KevCatalog.Entry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("cveID", entry.cveId());
    node.put("vendorProject", entry.vendorProject());
    node.put("product", entry.product());
    node.put("vulnerabilityName", entry.vulnerabilityName());
    node.put("dateAdded", entry.dateAdded().toString());
    node.put("shortDescription", entry.shortDescription());
    node.put("requiredAction", entry.requiredAction());
    node.put("dueDate", entry.dueDate().toString());
    node.put("knownRansomwareCampaignUse", entry.knownRansomwareCampaignUse());
    node.put("notes", entry.notes());
    entry.cwes().forEach(node.putArray("cwes")::add);
    return node.toString();
  }

  private static KevCatalog.Entry kevEntry(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<String> cwes = new ArrayList<>();
      node.path("cwes").forEach(cwe -> cwes.add(cwe.asText()));
      return new KevCatalog.Entry(
          node.path("cveID").asText(), node.path("vendorProject").asText(), node.path("product").asText(),
          node.path("vulnerabilityName").asText(), LocalDate.parse(node.path("dateAdded").asText()),
          node.path("shortDescription").asText(), node.path("requiredAction").asText(),
          LocalDate.parse(node.path("dueDate").asText()), node.path("knownRansomwareCampaignUse").asBoolean(),
          node.path("notes").asText(), cwes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt kev_entries row: " + e.getMessage(), e);
    }
  }
}
