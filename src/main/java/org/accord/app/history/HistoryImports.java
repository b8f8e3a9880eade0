package org.accord.app.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.accountability.history.HistoryEvent;
import org.accord.accountability.history.HistoryFile;
import org.accord.accountability.history.HistoryRow;
import org.accord.accountability.indicators.CaseTimeline;
import org.accord.app.EventOutbox;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.history.HistoryRows;

/**
 * Imports a history file (ADR 0156): each row becomes a closed historical case, recorded with its
 * {@code history.case_imported} event (flagged {@code imported: true}, its dates as {@code stated_at}),
 * after one {@code history.imported} event naming the file, its SHA-256, the importing organization and
 * the rows' hash; all in one transaction, so a file is imported whole or not at all. The events are
 * public and name the organization, not the person: a track record is only worth what anyone can
 * recompute. Thread-safe: of two imports of one file or of one vulnerability and vendor, one commits
 * and the other gets 409.
 */
public final class HistoryImports {
  private final Database database;
  private final Clock clock;
  private final EventOutbox log;

  public HistoryImports(Database database, Clock clock, EventOutbox log) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** What an import did: the file's SHA-256, the historical cases by id, and the log index of its last event. */
  public record Imported(String sha256, String fileName, String organization, List<String> cases, long logIndex) {
    public Imported {
      cases = List.copyOf(cases);
    }
  }

  /**
   * Imports {@code bytes}, read by {@link HistoryFile#read}.
   *
   * @param fileName the file's name as given, recorded with its hash (a path is cut to its last part)
   * @throws InvalidInputException naming the line and column at fault
   * @throws ForbiddenException for a member who is not an admin, a row whose vendor is another
   *     organization (unless the coordinator imports), or an organization the public log may not name
   * @throws IllegalTransitionException if the file, or a vulnerability of a vendor in it, was imported before
   */
  public Imported importFile(Principal actor, String fileName, byte[] bytes) {
    if (!actor.isCoordinator() && !(actor instanceof Principal.OrgAdmin)) {
      throw new ForbiddenException("only an organization's admin or the instance coordinator may import history");
    }
    Principal named = new Principal.OrgMember(actor.organization(), null, null);
    if (!Authority.namedInPublicLog(named)) {
      throw new ForbiddenException("history is public and names its importer; " + actor.organization().name()
          + " is not listed to others, so it may not import history");
    }
    long now = clock.millis();
    List<HistoryRow> rows = HistoryFile.read(bytes, clock.instant());
    if (rows.isEmpty()) {
      throw new InvalidInputException("the file holds no row", "file");
    }
    if (!actor.isCoordinator()) {
      for (HistoryRow r : rows) {
        if (!r.vendor().equalsIgnoreCase(actor.organization().name())) {
          throw new ForbiddenException("line " + r.line() + ": an admin of " + actor.organization().name()
              + " imports its own history only, not " + r.vendor() + "'s");
        }
      }
    }
    String name = cleanName(fileName);
    String sha = org.accord.ledger.Hash.sha256(bytes).hex();
    List<Map<String, Object>> bodies = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < rows.size(); n++) {
      String id = String.format(Locale.ROOT, "HIST-%s-%04d", sha.substring(0, 8), n + 1);
      ids.add(id);
      bodies.add(rows.get(n).toData(id, sha));
    }
    EventOutbox.Committed<Void> committed = log.inTransaction((handle, events) -> {
      if (HistoryRows.imported(handle, sha)) {
        throw conflict("the file " + sha + " was imported before");
      }
      long importId = HistoryRows.addImport(handle, sha, name, actor.organization().id(), actor.member() == null ? null : actor.member().id(),
          rows.size(), now);
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", name);
      file.put("sha256", sha);
      file.put("organization", actor.organization().name());
      file.put("rows", rows.size());
      file.put("rows_sha256", org.accord.ledger.Hash.sha256(org.accord.ledger.CanonicalJson.string(bodies).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex());
      events.stage(named, HistoryEvent.IMPORTED.type(), HistoryEvent.subject(sha), now, file, false);
      for (int n = 0; n < rows.size(); n++) {
        HistoryRow r = rows.get(n);
        String vulnerability = r.vulnerability().toLowerCase(Locale.ROOT);
        String vendor = r.vendor().toLowerCase(Locale.ROOT);
        HistoryRows.existing(handle, vulnerability, vendor).ifPresent(old -> {
          throw conflict("line " + r.line() + ": the history of " + r.vulnerability() + " of " + r.vendor() + " was imported before as " + old);
        });
        HistoryRows.addCase(handle, importId, ids.get(n), vulnerability, vendor, bodies.get(n));
        events.stage(named, HistoryEvent.CASE_IMPORTED.type(), HistoryEvent.subject(sha), now, bodies.get(n), false);
      }
      return null;
    });
    long index = committed.await();
    return new Imported(sha, name, actor.organization().name(), ids, index);
  }

  /** Every historical case, folded: the same timelines {@code accord verify indicators} folds from the log. */
  public List<CaseTimeline> timelines() {
    List<CaseTimeline> out = new ArrayList<>();
    for (Map<String, Object> body : database.jdbi().withHandle(HistoryRows::all)) {
      HistoryRow.fromData(body).ifPresent(r -> out.add(r.timeline(String.valueOf(body.get("case")))));
    }
    return out;
  }

  /** An import as both edges show it. */
  public static Map<String, Object> describe(Imported imported) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", imported.fileName());
    out.put("sha256", imported.sha256());
    out.put("organization", imported.organization());
    out.put("imported", imported.cases().size());
    out.put("cases", imported.cases());
    out.put("log_index", imported.logIndex());
    return out;
  }

  private static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName.strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (name.isEmpty()) {
      return "history";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static IllegalTransitionException conflict(String reason) {
    return new IllegalTransitionException(IllegalTransitionException.Machine.HISTORY, "imported", "import history", reason);
  }
}
