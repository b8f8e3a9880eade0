package org.accord.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.accord.InvalidInputException;
import org.accord.app.replicas.ChangeFeed;
import org.accord.app.replicas.ChangeKind;
import org.accord.app.replicas.GraphChanges;
import org.accord.app.replicas.Job;
import org.accord.app.replicas.Leadership;
import org.accord.exposure.ExposureGraph;
import org.accord.exposure.GraphChange;
import org.accord.party.Principal;
import org.accord.sbom.Bom;
import org.accord.sbom.BomReader;
import org.accord.sbom.DeploymentRow;
import org.accord.sbom.InventoryReader;
import org.accord.sbom.ReadLimits;
import org.accord.store.DataDirectoryLock;
import org.accord.store.Database;
import org.accord.store.Deployments;
import org.accord.store.GraphStore;
import org.accord.store.SbomDocuments;

/**
 * One running Accord instance: the claimed data directory, the SQL store, the exposure graph built
 * from it, and the operations both edges offer. The command line and the web server both work
 * through this class, so an ingest means the same thing whichever edge it came through.
 *
 * <p>Ingests are serialised: each document is one transaction, and the graph applies each committed
 * change in commit order. Queries run concurrently with each other and with ingests.
 *
 * <p>Thread-safe once opened. {@link #close()} releases the store and the data-directory lock.
 */
public final class Accord implements AutoCloseable {

  /**
   * Where an instance keeps its state and what it accepts.
   *
   * @param dataDir the data directory: lock file, signing keys, and the embedded database
   * @param dbUrl a PostgreSQL JDBC URL, or null for SQLite in {@code dataDir}
   * @param limits size and depth limits for uploaded documents
   * @param ledger how the transparency log runs (checkpoint cadence, batch size, origin)
   */
  public record Config(Path dataDir, String dbUrl, ReadLimits limits, LedgerService.Options ledger) {
    public Config {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(ledger, "ledger");
    }

    /** With the log options from the environment ({@link LedgerService.Options#fromEnvironment()}). */
    public Config(Path dataDir, String dbUrl, ReadLimits limits) {
      this(dataDir, dbUrl, limits, LedgerService.Options.fromEnvironment());
    }

    public Config(Path dataDir, String dbUrl) {
      this(dataDir, dbUrl, ReadLimits.defaults());
    }

    /** This configuration with other log options. */
    public Config withLedger(LedgerService.Options options) {
      return new Config(dataDir, dbUrl, limits, options);
    }
  }

  private final Config config;
  private final DataDirectoryLock lock;
  private final Database database;
  private final Clock clock;
  private final ExposureGraph graph;
  private final Exposure exposure;
  private final Object ingestLock = new Object();
  private final Parties parties;
  private final EventOutbox events;
  private final org.accord.app.history.HistoryImports history;
  private final ProductClaims claims;
  private final Suggestions suggestions;
  /** Notification plans of cases (ADR 0133). */
  private final Plans plans;
  /** The disclosure policy and declared facts of cases (ADR 0152). */
  private final CaseTerms terms;
  /** The waves of adopted plans, swept in the background while the instance serves (ADR 0134). */
  private final PlanWaves planWaves;
  /** Obligations tracked per participant, swept for missed ones in the background while the instance serves (ADR 0138). */
  private final org.accord.app.obligation.Obligations obligations;
  private final Cases cases;
  /** Who viewed what of each case, written in the background (ADR 0113). */
  private final CaseAccessLog caseAccess;
  private final Reports reports;
  private final org.accord.app.witness.Witnesses witnesses;
  /** This log's witnesses: submission and the cosignatures collected (ADR 0153). */
  private final org.accord.app.witness.LogWitnessing logWitnessing;
  private final CasePublication publication;
  /** RSVP deadlines of embargo invitations, swept in the background while the instance serves (ADR 0116). */
  private final CaseDeadlines caseDeadlines;
  private final CaseCalendars calendars;
  /** The documents published cases wrote (ADR 0121). */
  private final CaseDocuments documents;
  /** Reminders of unseen invitations, missing statuses and near deadlines, swept while the instance serves (ADR 0126). */
  private final CaseReminders reminders;
  /** Notifications of case activity: written with the events, delivered in the background (ADR 0119). */
  private final Notifications notifications;
  /** Case messages: threads, audiences, attachments, read state and search (ADR 0117, 0118). */
  private final CaseMessages messages;
  /** The products' SBOM sources for where-used, with the version that claim decisions and SBOM ingests move. */
  private final ProductSources sources;
  private LedgerService ledger;
  /** Simulations and live tabletops (ADR 0158). */
  private final org.accord.app.exercise.Exercises exercises = new org.accord.app.exercise.Exercises(this);
  /** Keeps the in-memory indexes current with every replica's changes (ADR 0146). */
  private final ChangeFeed feed;
  /** Which background jobs this replica runs (ADR 0147). */
  private final Leadership leadership;
  private final Operations operations;
  private final Advisories advisories;
  private final Findings findings;
  private final Priorities priorities;
  /** The jurisdiction rule packs, shipped and the instance's own, read when the instance opens (ADR 0130, 0131). */
  private final RulePacks rulePacks;
  /** Pledges and arrangements, and the deadlines they set in cases (ADR 0140, 0141). */
  private final org.accord.app.accountability.Commitments commitments;
  /** Graduated escalation of pledge deadlines and obligations, swept while the instance serves (ADR 0155). */
  private final org.accord.app.escalation.Escalations escalations;
  /** Anomaly alerts, swept while the instance serves (ADR 0155). */
  private final org.accord.app.escalation.Alerts alerts;

  private Accord(Config config, DataDirectoryLock lock, Database database, Clock clock, RulePacks rulePacks) {
    this.config = config;
    this.rulePacks = rulePacks;
    this.lock = lock;
    this.database = database;
    this.clock = clock;
    this.feed = new ChangeFeed(database, clock);
    this.leadership = new Leadership(database);
    this.operations = new Operations(database, clock);
    this.events = new EventOutbox(database, this::ledger);
    this.parties = new Parties(database, clock, events);
    this.sources = new ProductSources(database);
    this.claims = new ProductClaims(database, clock, parties, events, feed);
    this.caseAccess = new CaseAccessLog(database, clock);
    this.cases = new Cases(database, clock, parties, events, caseAccess, rulePacks, feed);
    this.reports = new Reports(database, clock, parties, cases, events);
    this.witnesses = new org.accord.app.witness.Witnesses(database, clock, events, config.dataDir(), () -> {
      String name = System.getenv("ACCORD_WITNESS_NAME");
      return name == null || name.isBlank() ? ledger().origin() + "/witness" : name.strip();
    });
    this.logWitnessing = new org.accord.app.witness.LogWitnessing(database, clock, events, this::ledger,
        () -> leadership.leads(Job.WITNESS));
    this.caseDeadlines = new CaseDeadlines(database, clock, parties, cases, events);
    this.calendars = new CaseCalendars(database, clock, cases, caseAccess, rulePacks);
    this.documents = new CaseDocuments(database, cases, CaseDocuments.namespaceFromEnvironment());
    this.publication = new CasePublication(database, clock, cases, events, this::ledger, documents);
    this.notifications = new Notifications(database, clock, parties);
    events.notifyThrough(notifications);
    this.reminders = new CaseReminders(database, clock, notifications);
    this.messages = new CaseMessages(database, clock, cases, events, caseAccess, CaseMessages.Limits.fromEnvironment(), notifications);
    ExposureGraph.Builder builder = ExposureGraph.builder(Exposure.VERSION_ORDER);
    feed.startAt(GraphStore.load(database, builder));
    this.graph = builder.build();
    this.exposure = new Exposure(graph, sources);
    this.suggestions = new Suggestions(database, exposure);
    this.obligations = new org.accord.app.obligation.Obligations(database, clock, cases, events, parties, rulePacks);
    this.plans = new Plans(database, clock, cases, suggestions, events, rulePacks, obligations);
    this.terms = new CaseTerms(database, clock, cases, events, rulePacks);
    this.planWaves = new PlanWaves(database, clock, parties, cases, events, notifications);
    this.advisories = new Advisories(database, graph, ingestLock, clock, events, feed);
    this.findings = new Findings(database, graph, advisories);
    this.priorities = new Priorities(database, advisories, findings);
    this.commitments = new org.accord.app.accountability.Commitments(database, clock, events, cases);
    this.escalations = new org.accord.app.escalation.Escalations(database, clock, cases, events, parties, commitments,
        org.accord.app.escalation.Escalations.ladder(System.getenv()), commitments::ladder);
    this.alerts = new org.accord.app.escalation.Alerts(database, clock, cases, events, parties, commitments);
    this.history = new org.accord.app.history.HistoryImports(database, clock, events);
    advisories.start();
    feed.on(ChangeKind.GRAPH, (payload, local) -> {
      graph.apply(local != null ? (GraphChange) local : GraphChanges.decode(payload));
      sources.changed(); // after the commit: a page rendered before it is never served again
    });
    feed.on(ChangeKind.CLAIM, (payload, local) -> sources.changed());
    feed.on(ChangeKind.ADVISORY, advisories::applyChange);
    feed.start();
    java.util.function.BooleanSupplier scheduler = () -> leadership.leads(Job.SCHEDULER);
    caseDeadlines.leadWith(scheduler);
    reminders.leadWith(scheduler);
    planWaves.leadWith(scheduler);
    escalations.leadWith(scheduler);
    alerts.leadWith(scheduler);
    notifications.leadWith(() -> leadership.leads(Job.NOTIFICATIONS));
    leadership.onGain(Job.LOG_WRITER, () -> ledger().becameLeader());
    leadership.start();
    if (database.jdbi().withHandle(org.accord.store.Outbox::count) > 0) {
      // An earlier run stopped before appending some events: start the log now, which drains them.
      ledger();
    }
  }

  /**
   * Claims the data directory, opens the store and builds the exposure graph from it.
   *
   * @throws org.accord.EnvironmentException if another process holds the directory, the database
   *     cannot be opened, or a rule pack of the instance is refused (naming its file and field); the
   *     message says which
   */
  public static Accord open(Config config) {
    return open(config, Clock.systemUTC());
  }

  /** As {@link #open(Config)}, with the clock that stamps ingests; for tests. */
  public static Accord open(Config config, Clock clock) {
    // A bad rule pack stops the instance before it claims anything (ADR 0131).
    RulePacks rulePacks = RulePacks.load(config.dataDir());
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir());
    Database database = null;
    try {
      database = config.dbUrl() == null ? Database.openEmbedded(config.dataDir()) : Database.open(config.dbUrl());
      return new Accord(config, lock, database, clock, rulePacks);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      lock.close();
      throw e;
    }
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  /**
   * The transparency log, started on first use (signing key in the data directory). Starting it
   * drains the events an earlier run left in the outbox.
   */
  public synchronized LedgerService ledger() {
    if (ledger == null) {
      ledger = LedgerService.start(database, config.dataDir(), config.ledger(), clock, events);
      ledger.leadWith(() -> leadership.leads(Job.LOG_WRITER));
      ledger.cosignaturesFrom(logWitnessing::cosignatures);
    }
    return ledger;
  }

  /** The jurisdiction rule packs in use (ADR 0130, 0131). */
  public RulePacks rulePacks() {
    return rulePacks;
  }

  /** Organizations, members, tokens and authentication. */
  public Parties parties() {
    return parties;
  }

  /** Who viewed what of each case (ADR 0113); {@link CaseAccessLog#flush()} writes what is pending. */
  public CaseAccessLog caseAccessLog() {
    return caseAccess;
  }

  /** Disclosure cases: participants, embargo and case state (ADR 0104). */
  public Cases cases() {
    return cases;
  }

  /**
   * RSVP deadlines of embargo invitations (ADR 0116): {@link CaseDeadlines#sweep()} lapses those that
   * passed; {@link CaseDeadlines#start} runs it in the background until {@link #close()}.
   */
  public CaseDeadlines caseDeadlines() {
    return caseDeadlines;
  }

  /**
   * The reminder scheduler (ADR 0126): {@link CaseReminders#sweep()} sends the reminders due now, each
   * once; {@link CaseReminders#start} runs it in the background until {@link #close()}.
   */
  public CaseReminders reminders() {
    return reminders;
  }

  /** A member's case deadlines as iCalendar (ADR 0132). */
  public CaseCalendars calendars() {
    return calendars;
  }

  /** Case messages: threads, audiences, attachments, read state and search (ADR 0117, 0118). */
  public CaseMessages messages() {
    return messages;
  }

  /** Publishing cases and their reveal bundles (ADR 0109). */
  public CasePublication publication() {
    return publication;
  }

  /** The documents of published cases, and the interim CSAF document (ADR 0121). */
  public CaseDocuments documents() {
    return documents;
  }

  /**
   * Notifications (ADR 0119, 0120): written with the case events that raise them; {@link
   * Notifications#configure} says how they leave, {@link Notifications#start} delivers them in the
   * background until {@link #close()}.
   */
  public Notifications notifications() {
    return notifications;
  }

  /** Vulnerability reports and their Report Management (ADR 0106). */
  public Reports reports() {
    return reports;
  }

  /**
   * This log's witnesses (ADR 0153): {@link org.accord.app.witness.LogWitnessing#start} submits each
   * published checkpoint to them in the background until {@link #close()}.
   */
  public org.accord.app.witness.LogWitnessing logWitnessing() {
    return logWitnessing;
  }

  /** This instance as a C2SP tlog-witness of other logs (ADR 0144). */
  public org.accord.app.witness.Witnesses witnesses() {
    return witnesses;
  }

  /** History imports: closed historical cases with their stated dates (ADR 0156). */
  public org.accord.app.history.HistoryImports historyImports() {
    return history;
  }

  /** Pledges and arrangements, and the deadlines they set in cases (ADR 0140, 0141). */
  public org.accord.app.accountability.Commitments commitments() {
    return commitments;
  }

  /** Simulations posted to the instance and live tabletops in sandboxes (ADR 0158). */
  public org.accord.app.exercise.Exercises exercises() {
    return exercises;
  }

  /** Product claims: who owns which product namespaces, as the coordinator approved. */
  public ProductClaims claims() {
    return claims;
  }

  /** Participants suggested for a case from the exposure graph and the approved claims (ADR 0105). */
  public Suggestions suggestions() {
    return suggestions;
  }

  /** Notification plans of cases: waves from the exposure and the case facts (ADR 0133), drafts and adoption (ADR 0134). */
  public Plans plans() {
    return plans;
  }

  /** The disclosure policy and declared facts of cases (ADR 0152). */
  public CaseTerms caseTerms() {
    return terms;
  }

  /**
   * The waves of adopted plans going out (ADR 0134): {@link PlanWaves#sweep()} sends those due; {@link
   * PlanWaves#start} runs it in the background until {@link #close()}.
   */
  public PlanWaves planWaves() {
    return planWaves;
  }

  /**
   * Obligations tracked per participant (ADR 0138): created when a plan is adopted, recorded by their
   * participant; {@link org.accord.app.obligation.Obligations#sweep()} marks the passed ones missed.
   */
  public org.accord.app.obligation.Obligations obligations() {
    return obligations;
  }

  /** Graduated escalation (ADR 0155): {@link org.accord.app.escalation.Escalations#sweep()} climbs the ladders. */
  public org.accord.app.escalation.Escalations escalations() {
    return escalations;
  }

  /** Anomaly alerts (ADR 0155): {@link org.accord.app.escalation.Alerts#sweep()} raises them, {@code list} reads them. */
  public org.accord.app.escalation.Alerts alerts() {
    return alerts;
  }

  /** The exposure queries: where-used, packages, versions. */
  public Exposure exposure() {
    return exposure;
  }

  /** Advisories, VEX statements and evidence feeds: import, matching, lookups, export. */
  public Advisories advisories() {
    return advisories;
  }

  /** Findings: affected products and deployments per advisory, with their VEX status. */
  public Findings findings() {
    return findings;
  }

  /** Exposure-weighted SSVC priority per stakeholder role. */
  public Priorities priorities() {
    return priorities;
  }

  /** The change feed this replica applies (ADR 0146): its position, for {@code /healthz} and read-your-writes. */
  public ChangeFeed feed() {
    return feed;
  }

  /** What an operator watches: the database's reachability, outbox depth, log size, checkpoint age (ADR 0147). */
  public Operations operations() {
    return operations;
  }

  /** Which background jobs this replica leads (ADR 0147). */
  public Leadership leadership() {
    return leadership;
  }

  /** The exposure graph itself, for benchmarks and status. */
  public ExposureGraph graph() {
    return graph;
  }

  /**
   * Ingests one SBOM document: reads it, stores it in one transaction, and updates the graph.
   *
   * @param document the document's bytes; read fully, not closed
   * @param uploader who uploads: the document is attributed to its organization
   * @throws InvalidInputException if the document is refused; nothing is stored then
   * @throws IllegalStateException if the transparency log did not take the document's event; the
   *     document is stored and its event waits in the outbox, appended when the log runs again
   */
  public IngestResults.Sbom ingestSbom(InputStream document, Principal uploader) {
    Hashing hashing = new Hashing(document);
    Bom bom = BomReader.read(hashing.stream(), config.limits());
    String sha256 = finish(hashing);
    synchronized (ingestLock) {
      long now = clock.millis();
      // The event commits with the document (ADR 0085): both are stored, or neither.
      EventOutbox.Committed<SbomDocuments.Stored> committed = events.inTransaction((handle, log) -> {
        feed.lockWriters(handle); // what the document replaces is read after every replica's ingests (ADR 0146)
        SbomDocuments.Stored stored = SbomDocuments.store(handle, bom, sha256, uploader.organization().id(), now);
        if (!stored.duplicate()) {
          feed.record(handle, ChangeKind.GRAPH, () -> GraphChanges.encode(stored.change()), stored.change());
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("sha256", sha256);
          data.put("document", stored.documentId());
          data.put("product", stored.productPurl());
          data.put("format", bom.format().label() + " " + bom.specVersion());
          data.put("uploader", uploader.organization().name());
          data.put("components", stored.components());
          log.stage(uploader, "sbom.ingested", "product:" + stored.productPurl(), now, data, false);
        }
        return stored;
      });
      SbomDocuments.Stored stored = committed.value();
      feed.catchUp(); // applies the change to the graph, after every change committed before it
      advisories.matchNewComponents();
      long logged = committed.await();
      return new IngestResults.Sbom(
          stored.documentId(), stored.duplicate(), stored.productPurl(), bom.format().label(), bom.specVersion(),
          stored.components(), stored.edges(), stored.warnings(), stored.replaced(), sha256, logged);
    }
  }

  /**
   * Ingests one deployment inventory (CSV or JSON).
   *
   * @param document the inventory's bytes; read fully, not closed
   * @param fileName the file name, which helps tell CSV from JSON; may be null
   * @param uploader who uploads: the deployments are attributed to its organization
   * @throws InvalidInputException if any row is refused (naming line and field); nothing is stored then
   * @throws IllegalStateException if the transparency log did not take the event; as for {@link #ingestSbom}
   */
  public IngestResults.Inventory ingestInventory(InputStream document, String fileName, Principal uploader) {
    Hashing hashing = new Hashing(document);
    List<DeploymentRow> rows = InventoryReader.read(hashing.stream(), fileName, config.limits());
    String sha256 = finish(hashing);
    InventoryReader.requireOperator(rows, uploader.organization().name());
    String format = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "json" : "csv";
    synchronized (ingestLock) {
      long now = clock.millis();
      EventOutbox.Committed<Deployments.Stored> committed = events.inTransaction((handle, log) -> {
        feed.lockWriters(handle);
        Deployments.Stored stored = Deployments.store(handle, rows, sha256, format, uploader.organization().id(), now);
        if (!stored.duplicate()) {
          feed.record(handle, ChangeKind.GRAPH, () -> GraphChanges.encode(stored.change()), stored.change());
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("sha256", sha256);
          data.put("inventory", stored.inventoryId());
          data.put("uploader", uploader.organization().name());
          data.put("deployments", stored.rows());
          // names the operator and how many sites it runs: a salted commitment, never public (ADR 0095)
          log.stage(uploader, "inventory.ingested", "inventory:" + uploader.organization().name(), now, data, true);
        }
        return stored;
      });
      Deployments.Stored stored = committed.value();
      feed.catchUp();
      advisories.matchNewComponents();
      long logged = committed.await();
      return new IngestResults.Inventory(
          stored.inventoryId(), stored.duplicate(), stored.rows(), stored.operators(), sha256, logged);
    }
  }

  /**
   * The instance's one clock: every stored time, event time and session expiry is read from it, so
   * tests can run in simulated time.
   */
  public Clock clock() {
    return clock;
  }

  /** The current time of this instance's clock, in epoch milliseconds. */
  public long now() {
    return clock.millis();
  }

  @Override
  public void close() {
    try {
      exercises.close(); // the sandboxes first: each is an instance of its own
      caseDeadlines.close();
      reminders.close();
      planWaves.close();
      obligations.close();
      escalations.close();
      alerts.close();
      notifications.close();
      logWitnessing.close();
      caseAccess.close();
      synchronized (this) {
        if (ledger != null) {
          ledger.close();
        }
      }
      leadership.close(); // after the jobs stopped: another replica takes them over at its next try
      feed.close();
      database.close();
    } finally {
      lock.close();
    }
  }

  private static String finish(Hashing hashing) {
    try {
      return hashing.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document: " + e.getMessage(), e);
    }
  }
}
