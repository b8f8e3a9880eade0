package org.accord.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.advisory.Advisory;
import org.accord.advisory.AdvisoryExport;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.AdvisoryReader;
import org.accord.advisory.AffectedPackage;
import org.accord.advisory.Matcher;
import org.accord.app.replicas.ChangeFeed;
import org.accord.app.replicas.ChangeKind;
import org.accord.advisory.SeverityScore;
import org.accord.advisory.VexStatement;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.RangeHits;
import org.accord.store.AdvisoryStore;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.party.ProductClaim;
import org.accord.store.Claims;
import org.accord.store.Database;
import org.accord.store.FeedStore;
import org.accord.store.Organizations;
import org.accord.store.VexStore;
import org.accord.triage.Cvss;
import org.accord.triage.EpssFeed;
import org.accord.triage.Evidence;
import org.accord.triage.KevCatalog;
import org.accord.triage.Provenance;
import org.jdbi.v3.core.Handle;

/**
 * Advisories, VEX statements and exploitation evidence in one running instance: import (one
 * transaction per document, matched against the graph in the same transaction), the matcher's index,
 * incremental matching of new package versions, full rematch, lookups with visibility, export, and the
 * KEV and EPSS feeds.
 *
 * <p>Visibility: a public advisory is visible to every authenticated party; one imported privately only
 * to its importing organization (and to the local administrator on the command line). Anyone else gets
 * {@link NotFoundException}, as if it did not exist. VEX statements are attributed to their uploading
 * organization; a private one is seen only by that organization and the coordinator. A statement
 * decides a finding only when its uploader owns the product through an approved claim or is the
 * coordinator (see {@link Findings}, ADR 0093); feeds are instance-wide.
 *
 * <p>Matching stays current in both directions (see ADR 0061): an imported advisory is matched against
 * the graph in its own transaction; package versions that arrive with an SBOM or inventory are matched
 * against the index by {@link #matchNewComponents()}, which the facade calls after each ingest and on
 * start, up to a watermark kept in the store, so a crash between the two cannot lose a match.
 *
 * <p>Thread-safe. Imports and matching run under the instance's ingest lock, serialised with SBOM and
 * inventory ingests; lookups run concurrently.
 */
public final class Advisories {
  /** The publisher namespace exports use when none is given. */
  public static final String DEFAULT_NAMESPACE = "https://accord.invalid";

  private final Database database;
  private final ExposureGraph graph;
  private final Object ingestLock;
  private final Clock clock;
  private final Matcher matcher = new Matcher();
  private final EventOutbox log;
  /** The change feed (ADR 0146): imports record their advisory, and every replica's matcher applies it. */
  private final ChangeFeed feed;

  Advisories(Database database, ExposureGraph graph, Object ingestLock, Clock clock, EventOutbox log, ChangeFeed feed) {
    this.feed = feed;
    this.database = database;
    this.graph = graph;
    this.ingestLock = ingestLock;
    this.clock = clock;
    this.log = log;
  }

  /** Builds the matcher's index from the store and matches package versions added since the last run. */
  void start() {
    Map<Long, List<AffectedPackage>> live = database.jdbi().withHandle(AdvisoryStore::affectedOfLiveAdvisories);
    live.forEach(matcher::put);
    matchNewComponents();
  }

  /**
   * What one import did.
   *
   * @param format the document's format label
   * @param advisory the advisory's id; empty for a VEX-only document
   * @param visibility {@code public} or {@code private}; empty for a VEX-only document
   * @param source the organization whose record this is (the importer); records of the same id from
   *     other sources are kept beside it (ADR 0100)
   * @param duplicate true when the same bytes were imported before, so nothing changed
   * @param replaced true when it replaced an earlier document of the same advisory
   * @param withdrawn true when the advisory is withdrawn (it matches nothing)
   * @param packages affected package entries
   * @param evaluable how many of them can be matched
   * @param matched package versions in the graph it affects now
   * @param statements VEX statements the document holds
   * @param warnings what was stored but cannot match (GIT ranges, products without PURL, …)
   * @param sha256 the document's SHA-256
   * @param ledgerIndex the transparency-log index of the import event (a salted commitment for a
   *     private advisory), or -1 for a duplicate
   */
  public record Imported(
      String format, String advisory, String visibility, String source, boolean duplicate, boolean replaced, boolean withdrawn,
      int packages, int evaluable, int matched, int statements, List<String> warnings, String sha256,
      long ledgerIndex) {}

  /**
   * Imports one advisory or VEX document: OSV, CSAF 2.0 (any profile), OpenVEX or CycloneDX VEX.
   *
   * @param document the bytes; read fully, not closed
   * @param privately whether the advisory is visible only to the importing organization
   * @throws InvalidInputException if the document is refused (malformed, unknown ecosystem, unparsable
   *     version, a CVSS vector with a missing metric, …); nothing is stored then. An id another
   *     organization imported is no reason: the import is stored beside that record (ADR 0100)
   */
  public Imported ingest(InputStream document, Principal importer, boolean privately) {
    Objects.requireNonNull(importer, "importer");
    Hashing hashing = new Hashing(document);
    AdvisoryReader.Document read = AdvisoryReader.read(hashing.stream(), Advisories::checkScores);
    String sha256;
    try {
      sha256 = hashing.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document: " + e.getMessage(), e);
    }
    synchronized (ingestLock) {
      long now = clock.millis();
      record Outcome(Imported imported, Long pk, Advisory advisory) {}
      EventOutbox.Committed<Outcome> committed =
          log.inTransaction(
              (handle, events) -> {
                feed.lockWriters(handle); // matched against a graph that holds every replica's ingests
                long org = importer.organization().id();
                Long pk = null;
                boolean duplicate = true;
                boolean replaced = false;
                int matched = 0;
                Advisory advisory = read.advisory().orElse(null);
                String scope = privately ? AdvisoryStore.privateScope(org) : AdvisoryStore.PUBLIC;
                if (advisory != null) {
                  // Keyed by (id, scope, source): another organization's record of this id is never
                  // refused, replaced or touched (ADR 0100).
                  AdvisoryStore.Stored stored = AdvisoryStore.store(handle, advisory, sha256, scope, org, now);
                  pk = stored.pk();
                  duplicate = stored.duplicate();
                  replaced = stored.replaced();
                  if (!duplicate) {
                    long recorded = pk;
                    feed.record(handle, ChangeKind.ADVISORY, () -> Long.toString(recorded), new Recorded(recorded, advisory));
                  }
                  if (!duplicate && !advisory.isWithdrawn()) {
                    long[] ids = matchAgainstGraph(advisory);
                    AdvisoryStore.addMatches(handle, pk, ids);
                    matched = ids.length;
                  } else if (duplicate) {
                    matched = AdvisoryStore.matches(handle, pk).size();
                  }
                }
                int statements = 0;
                if (!read.statements().isEmpty() || advisory == null) {
                  // Kept for the record only: statements are attributed to the uploading organization.
                  String author = read.author().isBlank() ? importer.organization().name() : read.author();
                  VexStore.Stored vex =
                      VexStore.store(
                          handle, sha256, read.format().label(), author, org, importer.isCoordinator(), privately, now,
                          read.statements(), pk);
                  duplicate &= vex.duplicate();
                  statements = vex.statements();
                  if (!vex.duplicate()) {
                    feed.record(handle, ChangeKind.VEX, () -> "{}", null);
                  }
                }
                int packages = advisory == null ? 0 : advisory.affected().size();
                int evaluable = advisory == null ? 0 : (int) advisory.affected().stream().filter(AffectedPackage::evaluable).count();
                Imported imported =
                    new Imported(
                        read.format().label(), advisory == null ? "" : advisory.id(),
                        privately ? "private" : "public", importer.organization().name(), duplicate, replaced,
                        advisory != null && advisory.isWithdrawn(), packages, evaluable, matched, statements, read.warnings(), sha256,
                        -1);
                if (!duplicate) {
                  // Staged with the change (ADR 0085).
                  Map<String, Object> data = new LinkedHashMap<>();
                  data.put("sha256", sha256);
                  data.put("format", imported.format());
                  data.put("uploader", importer.organization().name());
                  if (!imported.advisory().isEmpty()) {
                    data.put("advisory", imported.advisory());
                  }
                  data.put("statements", imported.statements());
                  String type = imported.advisory().isEmpty() ? "vex.imported" : "advisory.imported";
                  String subject = imported.advisory().isEmpty() ? "vex:" + sha256 : "advisory:" + imported.advisory();
                  // a private document (advisory or VEX-only) enters the public log only as a commitment (ADR 0097)
                  events.stage(importer, type, subject, now, data, privately);
                }
                return new Outcome(imported, pk, advisory);
              });
      Outcome outcome = committed.value();
      Imported imported = outcome.imported();
      feed.catchUp(); // puts the advisory into the matcher (applyChange)
      if (imported.duplicate()) {
        return imported;
      }
      long index = committed.await();
      return new Imported(
          imported.format(), imported.advisory(), imported.visibility(), imported.source(), false, imported.replaced(), imported.withdrawn(),
          imported.packages(), imported.evaluable(), imported.matched(), imported.statements(), imported.warnings(),
          sha256, index);
    }
  }

  /**
   * Refuses CVSS 3.x and 4.0 vectors that do not score: a missing, duplicated or unknown metric. The
   * triage calculator is the judge, so every stored vector can be scored later.
   */
  static void checkScores(Advisory advisory) {
    for (SeverityScore severity : advisory.severities()) {
      if (!severity.scoredByTriage()) {
        continue;
      }
      try {
        Cvss.parse(severity.score());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "CVSS vector '" + severity.score() + "' is invalid: " + e.getMessage(),
            "severity " + severity.type() + (e.location().isEmpty() ? "" : ", " + e.location()),
            e);
      }
    }
  }

  private long[] matchAgainstGraph(Advisory advisory) {
    Set<Long> ids = new LinkedHashSet<>();
    for (AffectedPackage affected : advisory.affected()) {
      if (affected.evaluable()) {
        RangeHits hits = graph.versionsIn(affected.packageKey(), affected.range());
        for (long id : hits.componentIds()) {
          ids.add(id);
        }
      }
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Applies an advisory recorded in the change feed to the matcher: the one the writer read ({@code
   * local}) on the replica that imported it, else its stored affected packages.
   */
  private record Recorded(long pk, Advisory advisory) {}

  void applyChange(String payload, Object local) {
    if (local instanceof Recorded recorded) {
      matcher.put(recorded.pk(), recorded.advisory());
    } else {
      long pk = Long.parseLong(payload);
      List<AffectedPackage> evaluable = database.jdbi().withHandle(handle -> AdvisoryStore.evaluableOfLive(handle, pk));
      matcher.put(pk, evaluable);
    }
  }

  /**
   * Matches every package version added to the catalogue since the last call against the indexed
   * advisories, and stores the matches; called by the facade after each ingest and on start.
   *
   * @return how many new matches were stored
   */
  public int matchNewComponents() {
    synchronized (ingestLock) {
      return database.jdbi().inTransaction(
          handle -> {
            feed.lockWriters(handle); // the matcher holds every replica's advisories, the watermark is theirs too
            long watermark = AdvisoryStore.watermark(handle);
            long max = AdvisoryStore.maxComponentId(handle);
            if (max <= watermark) {
              return 0;
            }
            Map<Long, List<Long>> found = new LinkedHashMap<>();
            if (matcher.advisories() > 0) {
              AdvisoryStore.componentsAbove(
                  handle, watermark,
                  component -> {
                    for (long key : matcher.advisoriesAffecting(component.packageKey(), component.version())) {
                      found.computeIfAbsent(key, k -> new ArrayList<>()).add(component.id());
                    }
                  });
            }
            int stored = 0;
            for (Map.Entry<Long, List<Long>> entry : found.entrySet()) {
              AdvisoryStore.addMatches(handle, entry.getKey(), entry.getValue().stream().mapToLong(Long::longValue).toArray());
              stored += entry.getValue().size();
            }
            AdvisoryStore.setWatermark(handle, max);
            return stored;
          });
    }
  }

  /**
   * A full rematch's figures.
   *
   * @param advisories advisories with evaluable entries
   * @param checks (version, range) checks made
   * @param matches (advisory, package version) matches stored
   * @param matchSeconds time spent matching in memory
   * @param totalSeconds time including replacing the stored matches
   */
  public record Rematch(int advisories, long checks, long matches, double matchSeconds, double totalSeconds) {}

  /** Matches every advisory against the whole graph again and replaces the stored matches. */
  public Rematch rematchAll() {
    synchronized (ingestLock) {
      long started = System.nanoTime();
      Matcher.Result result = matcher.matchAll(graph);
      double matchSeconds = (System.nanoTime() - started) / 1e9;
      database.jdbi().useTransaction(
          handle -> {
            AdvisoryStore.replaceAllMatches(handle, result.componentIds());
            long max = AdvisoryStore.maxComponentId(handle);
            AdvisoryStore.setWatermark(handle, max);
          });
      return new Rematch(matcher.advisories(), result.checks(), result.matches(), matchSeconds, (System.nanoTime() - started) / 1e9);
    }
  }

  /** The matcher's index, for benchmarks. */
  public Matcher matcher() {
    return matcher;
  }

  // ---- lookups ----

  /** The scopes a viewer sees, in preference order (its own private advisories first); null for all. */
  static List<String> scopes(Handle handle, Viewer viewer) {
    if (viewer.coordinator() && !viewer.shared()) {
      return null; // the coordinator sees every advisory, private ones too (issue 8); a shared view only public and its own
    }
    List<String> scopes = new ArrayList<>();
    Organizations.find(handle, viewer.organization()).ifPresent(org -> scopes.add(AdvisoryStore.privateScope(org.id())));
    scopes.add(AdvisoryStore.PUBLIC);
    return scopes;
  }

  /**
   * Every record of this advisory that the viewer may see (ADR 0100): those with exactly this id, or,
   * when none has it as its id, those with the id of the newest visible record that has it as an alias.
   * The viewer's own organization's records come first (private before public), then the other sources'
   * by name.
   *
   * @param source when not blank, only this source's (organization's) records
   * @throws NotFoundException if there is none the viewer may see; an unknown or invisible source is
   *     answered exactly as a missing advisory
   */
  List<AdvisoryStore.Row> visibleRecords(Handle handle, String advisoryId, String source, Viewer viewer) {
    if (advisoryId == null || advisoryId.isBlank()) {
      throw new InvalidInputException("missing advisory id", "advisory");
    }
    String id = advisoryId.strip();
    List<String> scopes = scopes(handle, viewer);
    List<AdvisoryStore.Row> rows = AdvisoryStore.records(handle, id, scopes);
    if (rows.isEmpty()) {
      List<AdvisoryStore.Row> byAlias = AdvisoryStore.list(handle, scopes, id, 1);
      if (!byAlias.isEmpty()) {
        rows = AdvisoryStore.records(handle, byAlias.get(0).advisoryId(), scopes);
      }
    }
    rows = labelled(handle, rows, viewer);
    List<AdvisoryStore.Row> shown = new ArrayList<>();
    for (AdvisoryStore.Row row : rows) {
      if (source == null || source.isBlank() || row.owner().equals(source.strip())) {
        shown.add(row);
      }
    }
    if (shown.isEmpty()) {
      throw new NotFoundException("no advisory " + id); // the same answer for a missing id and a missing source
    }
    shown.sort(
        java.util.Comparator.comparing((AdvisoryStore.Row row) -> !row.owner().equals(viewer.organization()))
            .thenComparing(AdvisoryStore.Row::owner)
            .thenComparing(AdvisoryStore.Row::isPublic)
            .thenComparingLong(AdvisoryStore.Row::pk));
    return shown;
  }

  /**
   * The one record of this advisory an answer about a single record rests on (export, triage): the only
   * visible source's (its private record before its public one), or {@code source}'s.
   *
   * @throws NotFoundException as {@link #visibleRecords}
   * @throws InvalidInputException if several sources have a record and none is chosen; the message names
   *     them, so the caller can choose with {@code source}
   */
  AdvisoryStore.Row visible(Handle handle, String advisoryId, String source, Viewer viewer) {
    List<AdvisoryStore.Row> rows = visibleRecords(handle, advisoryId, source, viewer);
    List<String> sources = sources(rows);
    if (sources.size() > 1) {
      throw new InvalidInputException(
          "advisory " + rows.get(0).advisoryId() + " has records from " + sources.size() + " sources (" + String.join(", ", sources)
              + "); choose one with source",
          "source");
    }
    return rows.get(0);
  }

  /**
   * The rows with their sources as this viewer may see them: an organization's name when the viewer
   * may know it takes part (its own, a listed kind such as a vendor or CERT, or any for the coordinator's
   * own view); otherwise, for an operator's or researcher's public record, {@code "unlisted #n"}, n
   * counting the advisory's public records from unlisted organizations in import order, so the label is
   * the same for every viewer and names no one (ADR 0100, ADR 0081).
   */
  static List<AdvisoryStore.Row> labelled(Handle handle, List<AdvisoryStore.Row> rows, Viewer viewer) {
    List<AdvisoryStore.Row> labelled = new ArrayList<>();
    Map<String, List<Long>> unlisted = new LinkedHashMap<>();
    for (AdvisoryStore.Row row : rows) {
      if ((viewer.coordinator() && !viewer.shared()) || row.ownerKind().listedToOthers() || row.owner().equals(viewer.organization())) {
        labelled.add(row);
        continue;
      }
      List<Long> order = unlisted.computeIfAbsent(row.advisoryId(), id -> AdvisoryStore.records(handle, id, List.of(AdvisoryStore.PUBLIC))
          .stream().filter(r -> !r.ownerKind().listedToOthers()).map(AdvisoryStore.Row::pk).toList());
      labelled.add(row.labelled("unlisted #" + (order.indexOf(row.pk()) + 1)));
    }
    return labelled;
  }

  /** The distinct sources of these records, in their order. */
  static List<String> sources(List<AdvisoryStore.Row> rows) {
    return rows.stream().map(AdvisoryStore.Row::owner).distinct().toList();
  }

  /** Reads a stored advisory back from its document. */
  static Advisory advisory(Handle handle, AdvisoryStore.Row row) {
    String document = AdvisoryStore.document(handle, row.pk());
    return AdvisoryReader.read(document.getBytes(StandardCharsets.UTF_8)).advisory()
        .orElseThrow(() -> new IllegalStateException("stored advisory " + row.advisoryId() + " has no advisory content"));
  }

  /**
   * The VEX statements about any of these names that the viewer may see (public ones and its own
   * private ones; all for a coordinator), oldest first.
   */
  static List<VexStore.StoredStatement> statements(Handle handle, Collection<String> names, Viewer viewer) {
    return VexStore.statementsFor(handle, names, viewer.coordinator() ? null : viewer.organization());
  }

  /**
   * One advisory as a viewer sees it.
   *
   * @param id the advisory's id
   * @param format the format it was imported from
   * @param visibility {@code public} or {@code private}
   * @param source the organization whose record this is (its importer; ADR 0100)
   * @param summary the summary
   * @param aliases its aliases
   * @param published publication time, or empty
   * @param modified modification time, or empty
   * @param withdrawn withdrawal time, or empty when not withdrawn
   * @param severities the severities it states
   * @param affected the affected packages with their ranges
   * @param matched the package versions in the graph it affects
   * @param statements the VEX statements about it
   */
  public record View(
      String id, String format, String visibility, String source, String summary, List<String> aliases, String published,
      String modified, String withdrawn, List<SeverityScore> severities, List<AffectedView> affected, List<String> matched,
      List<StatementView> statements) {}

  /**
   * An affected package as shown.
   *
   * @param ecosystem the OSV ecosystem as written (empty for none)
   * @param name the package name
   * @param packageKey the package's PURL without version
   * @param range the evaluable versions as a {@code vers:} range
   * @param ranges the OSV ranges as written
   * @param versions the listed versions
   * @param notEvaluable why parts cannot be evaluated
   */
  public record AffectedView(
      String ecosystem, String name, String packageKey, String range, List<String> ranges, List<String> versions,
      List<String> notEvaluable) {}

  /**
   * A VEX statement with its source.
   *
   * @param id the stored statement's id
   * @param author who made it: the organization that uploaded it, never a name from the document
   * @param uploader the organization that uploaded the document
   * @param verified whether the uploader has authority over the product (owns it through an approved
   *     claim, or is the coordinator); an unverified statement is shown but decides nothing
   * @param format the document's format
   * @param vulnerability the vulnerability it names
   * @param product the product
   * @param productRange a product version range, or empty
   * @param subcomponents the components it narrows to
   * @param status the status
   * @param justification the justification, or empty
   * @param impactStatement the impact statement, or empty
   * @param actionStatement the action statement, or empty
   * @param timestamp when it was made, or empty
   */
  public record StatementView(
      long id, String author, String uploader, boolean verified, String format, String vulnerability, String product, String productRange,
      List<String> subcomponents, String status, String justification, String impactStatement, String actionStatement,
      String timestamp) {
    static StatementView of(VexStore.StoredStatement stored, boolean verified) {
      VexStatement statement = stored.statement();
      return new StatementView(
          stored.id(), stored.author(), stored.uploader(), verified, stored.format(), statement.vulnerability(), statement.product(),
          statement.productRange(), statement.subcomponents(), statement.status().label(),
          statement.status().justificationLabel(), statement.status().impactStatement(), statement.status().actionStatement(),
          statement.timestamp().map(Instant::toString).orElse(""));
    }
  }

  /**
   * An advisory as a viewer sees it: every record of it the viewer may see, one per source (and
   * visibility), each labelled with its source (ADR 0100).
   *
   * @param id the advisory's id
   * @param sources the sources of {@code records}, in their order
   * @param records the records, the viewer's own organization's first
   */
  public record Shown(String id, List<String> sources, List<View> records) {}

  /**
   * Shows every record of one advisory the viewer may see.
   *
   * @param source when not blank, only this source's records
   * @throws NotFoundException if the viewer may not see any (or none of that source)
   */
  public Shown show(String advisoryId, String source, Viewer viewer) {
    return database.jdbi().withHandle(
        handle -> {
          List<AdvisoryStore.Row> rows = visibleRecords(handle, advisoryId, source, viewer);
          List<ProductClaim> owners = Claims.approved(handle);
          List<View> views = new ArrayList<>();
          for (AdvisoryStore.Row row : rows) {
            views.add(view(handle, row, viewer, owners));
          }
          return new Shown(rows.get(0).advisoryId(), sources(rows), views);
        });
  }

  /** Shows every record of one advisory the viewer may see, from every source. */
  public Shown show(String advisoryId, Viewer viewer) {
    return show(advisoryId, null, viewer);
  }

  private View view(Handle handle, AdvisoryStore.Row row, Viewer viewer, List<ProductClaim> owners) {
    Advisory advisory = advisory(handle, row);
    List<AffectedView> affected = new ArrayList<>();
    for (AffectedPackage pkg : advisory.affected()) {
      affected.add(
          new AffectedView(
              pkg.osvEcosystem(), pkg.name(), pkg.packageKey(), pkg.evaluable() ? pkg.range().toVers() : "",
              pkg.ranges().stream().map(org.accord.advisory.EventRange::describe).toList(), pkg.versions(), pkg.notEvaluable()));
    }
    List<String> matched = AdvisoryStore.matches(handle, row.pk()).stream().map(AdvisoryStore.Match::purl).toList();
    List<StatementView> statements = statements(handle, advisory.names(), viewer).stream()
        .map(s -> StatementView.of(s, decides(s, owners, s.statement().productKey())))
        .toList();
    return new View(
        advisory.id(), row.format(), row.isPublic() ? "public" : "private", row.owner(), advisory.summary(),
        advisory.aliases(), advisory.published().map(Instant::toString).orElse(""),
        advisory.modified().map(Instant::toString).orElse(""), advisory.withdrawn().map(Instant::toString).orElse(""),
        advisory.severities(), affected, matched, statements);
  }

  /**
   * An advisory in a listing.
   *
   * @param id the advisory's id
   * @param format the format it came in
   * @param visibility {@code public} or {@code private}
   * @param source the organization whose record this is (ADR 0100)
   * @param summary the summary
   * @param aliases its aliases
   * @param withdrawn whether it is withdrawn
   * @param matched how many package versions in the graph it affects
   */
  public record Summary(String id, String format, String visibility, String source, String summary, List<String> aliases, boolean withdrawn, long matched) {}

  /** The advisories a viewer may see, newest import first, optionally only those with this id or alias. */
  public List<Summary> list(Viewer viewer, String name, int limit) {
    return database.jdbi().withHandle(
        handle -> {
          List<AdvisoryStore.Row> rows =
              labelled(handle, AdvisoryStore.list(handle, scopes(handle, viewer), name == null ? "" : name.strip(), Math.max(1, limit)), viewer);
          Map<Long, Long> counts = AdvisoryStore.matchCounts(handle, rows.stream().map(AdvisoryStore.Row::pk).toList());
          List<Summary> summaries = new ArrayList<>();
          for (AdvisoryStore.Row row : rows) {
            summaries.add(
                new Summary(row.advisoryId(), row.format(), row.isPublic() ? "public" : "private", row.owner(), row.summary(), row.aliases(),
                    row.withdrawnAt() > 0, counts.getOrDefault(row.pk(), 0L)));
          }
          return summaries;
        });
  }

  /**
   * Whether a stored statement decides findings in a package (its canonical key): its uploader is the
   * coordinator or owns the package through an approved claim ({@link Authority#decidesVex}).
   */
  static boolean decides(VexStore.StoredStatement statement, List<ProductClaim> owners, String packageKey) {
    return Authority.decidesVex(statement.uploader(), statement.coordinator(), ProductClaim.owner(owners, packageKey));
  }

  /**
   * Exports an advisory with the VEX statements the viewer may see that carry authority: those a
   * coordinator uploaded, the exporting organization's own, and those of each product's owner.
   *
   * <p>An export is one record: with records from several sources and no {@code source}, it is refused
   * with the sources named (ADR 0100), never one picked silently.
   *
   * @param source the source (organization) whose record to export; may be blank when only one has
   * @param author the author to name; the viewer's organization when blank
   * @param namespace the publisher namespace URL; {@link #DEFAULT_NAMESPACE} when blank
   * @throws NotFoundException if the viewer may not see it, or no record of {@code source}
   * @throws InvalidInputException if the format cannot express it (see {@link AdvisoryExport#write}), or
   *     several sources have a record and none is chosen
   */
  public String export(
      String advisoryId, String source, AdvisoryFormat format, Viewer viewer, String author, String namespace, String toolVersion) {
    return database.jdbi().withHandle(
        handle -> {
          AdvisoryStore.Row row = visible(handle, advisoryId, source, viewer);
          Advisory advisory = advisory(handle, row);
          List<VexStore.StoredStatement> stored = statements(handle, advisory.names(), viewer);
          List<ProductClaim> owners = Claims.approved(handle);
          List<VexStatement> statements = new ArrayList<>();
          for (VexStore.StoredStatement statement : stored) {
            // Only statements with authority: a coordinator's, the exporter's own, or the product's owner's.
            if (statement.uploader().equals(viewer.organization()) || decides(statement, owners, statement.statement().productKey())) {
              statements.add(statement.statement());
            }
          }
          String who = author != null && !author.isBlank() ? author.strip() : viewer.organization().isEmpty() || viewer.organization().equals(Parties.LOCAL) ? "Accord" : viewer.organization();
          String where = namespace != null && !namespace.isBlank() ? namespace.strip() : DEFAULT_NAMESPACE;
          if (!where.matches("https?://\\S+")) {
            throw new InvalidInputException("the namespace must be an http(s) URL, not '" + where + "'", "namespace");
          }
          return AdvisoryExport.write(advisory, statements, format, new AdvisoryExport.Context(who, where, clock.instant(), toolVersion));
        });
  }

  /** Exports the advisory's only source's record (see the other overload). */
  public String export(String advisoryId, AdvisoryFormat format, Viewer viewer, String author, String namespace, String toolVersion) {
    return export(advisoryId, null, format, viewer, author, namespace, toolVersion);
  }

  // ---- evidence feeds ----

  /**
   * What a feed import did.
   *
   * @param feed {@code cisa-kev} or {@code first-epss}
   * @param version the feed's version (KEV catalog version, EPSS model version)
   * @param published when it was released or scored
   * @param entries how many entries it holds
   * @param duplicate true when the same bytes were imported before
   * @param sha256 the file's SHA-256
   */
  public record FeedImported(String feed, String version, String published, int entries, boolean duplicate, String sha256) {}

  /** Imports a CISA KEV catalog (JSON). Refuses one older than the stored catalog. */
  public FeedImported ingestKev(InputStream in) {
    Hashing hashing = new Hashing(in);
    KevCatalog catalog = KevCatalog.read(hashing.stream());
    return storeFeed(hashing, catalog.provenance(), (handle, sha) -> FeedStore.storeKev(handle, catalog, sha, clock.millis()));
  }

  /** Imports a FIRST EPSS score file (CSV, optionally gzip). Refuses one older than the stored file. */
  public FeedImported ingestEpss(InputStream in) {
    Hashing hashing = new Hashing(in);
    EpssFeed feed = EpssFeed.read(hashing.stream());
    return storeFeed(hashing, feed.provenance(), (handle, sha) -> FeedStore.storeEpss(handle, feed, sha, clock.millis()));
  }

  /**
   * The version and date of the latest stored snapshot of a feed; empty when none was imported.
   *
   * @param feed {@link Provenance#KEV} or {@link Provenance#EPSS}
   */
  public Optional<Provenance> latestFeed(String feed) {
    Objects.requireNonNull(feed, "feed");
    return database.jdbi().withHandle(handle -> FeedStore.latest(handle, feed).map(FeedStore.Snapshot::provenance));
  }

  @FunctionalInterface
  private interface FeedWriter {
    FeedStore.Snapshot store(Handle handle, String sha256);
  }

  private FeedImported storeFeed(Hashing hashing, Provenance provenance, FeedWriter writer) {
    String sha256;
    try {
      sha256 = hashing.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feed: " + e.getMessage(), e);
    }
    synchronized (ingestLock) {
      return database.jdbi().inTransaction(
          handle -> {
            Optional<FeedStore.Snapshot> latest = FeedStore.latest(handle, provenance.feed());
            if (latest.isPresent() && latest.get().sha256().equals(sha256)) {
              FeedStore.Snapshot same = latest.get();
              return new FeedImported(same.provenance().feed(), same.provenance().version(), same.provenance().published().toString(), same.entries(), true, sha256);
            }
            if (latest.isPresent() && provenance.published().isBefore(latest.get().provenance().published())) {
              throw new InvalidInputException(
                  provenance.describe() + " is older than the stored " + latest.get().provenance().describe() + "; nothing stored");
            }
            FeedStore.Snapshot stored = writer.store(handle, sha256);
            return new FeedImported(provenance.feed(), provenance.version(), provenance.published().toString(), stored.entries(), false, sha256);
          });
    }
  }

  /** The stored evidence about one CVE: the latest KEV and EPSS snapshots consulted, and exploit references. */
  Evidence evidence(Handle handle, String cve, List<String> exploitReferences) {
    List<Provenance> consulted = new ArrayList<>();
    Optional<KevCatalog.Entry> kev = Optional.empty();
    Optional<EpssFeed.Score> epss = Optional.empty();
    Optional<FeedStore.Snapshot> kevSnapshot = FeedStore.latest(handle, Provenance.KEV);
    if (kevSnapshot.isPresent()) {
      consulted.add(kevSnapshot.get().provenance());
      kev = FeedStore.kevEntry(handle, cve);
    }
    Optional<FeedStore.Snapshot> epssSnapshot = FeedStore.latest(handle, Provenance.EPSS);
    if (epssSnapshot.isPresent()) {
      consulted.add(epssSnapshot.get().provenance());
      epss = FeedStore.epssScore(handle, cve);
    }
    return new Evidence(cve, consulted, kev, epss, exploitReferences);
  }
}
