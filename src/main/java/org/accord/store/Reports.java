package org.accord.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.accord.disclosure.RmState;
import org.jdbi.v3.core.Handle;

/**
 * Vulnerability reports (ADR 0106): the report row, the Report Management state of each participant
 * and the messages on a report. No rule lives here. Stateless and thread-safe; methods run on the
 * caller's handle and transaction.
 */
public final class Reports {
  private Reports() {}

  /**
   * A stored report.
   *
   * @param reporterOrg the reporting organization, empty for an anonymous report
   * @param reporterMember the reporting member, if a member sent it
   * @param body the report as parsed, as JSON text
   * @param caseId the linked case's public id, if the report was accepted or attached
   */
  public record ReportRow(
      long pk, String id, OptionalLong reporterOrg, Optional<String> reporterOrgName, OptionalLong reporterMember,
      String title, String body, Optional<String> caseId, boolean duplicate, Instant created, Instant updated) {}

  private static final String SELECT =
      "SELECT r.id, r.public_id, r.reporter_org_id, o.name AS org_name, r.reporter_member_id, r.title, r.body,"
          + " c.public_id AS case_public_id, r.duplicate, r.created_at, r.updated_at FROM reports r"
          + " LEFT JOIN organizations o ON o.id = r.reporter_org_id LEFT JOIN cases c ON c.id = r.case_id";

  /** Inserts a report; its row id. */
  public static long insert(Handle handle, String publicId, Long org, Long member, String followHash, String title,
      String body, long now) {
    return handle.createQuery("INSERT INTO reports (public_id, reporter_org_id, reporter_member_id, follow_hash, title,"
            + " body, duplicate, created_at, updated_at) VALUES (:pid, :org, :member, :follow, :title, :body, 0, :now, :now)"
            + " RETURNING id")
        .bind("pid", publicId)
        .bind("org", org)
        .bind("member", member)
        .bind("follow", followHash)
        .bind("title", title)
        .bind("body", body)
        .bind("now", now)
        .mapTo(Long.class).one();
  }

  /** The report with this public id, if any. */
  public static Optional<ReportRow> byId(Handle handle, String publicId) {
    return handle.createQuery(SELECT + " WHERE r.public_id = :pid").bind("pid", publicId)
        .map((rs, ctx) -> read(rs)).findOne();
  }

  /** The report whose follow-up secret has this SHA-256 (hex), if any. */
  public static Optional<ReportRow> byFollowHash(Handle handle, String hash) {
    return handle.createQuery(SELECT + " WHERE r.follow_hash = :hash").bind("hash", hash)
        .map((rs, ctx) -> read(rs)).findOne();
  }

  /** Every report ({@code org} null), or those {@code org} sent or received (it has an RM state); oldest first. */
  public static List<ReportRow> list(Handle handle, Long org) {
    if (org == null) {
      return handle.createQuery(SELECT + " ORDER BY r.id").map((rs, ctx) -> read(rs)).list();
    }
    return handle.createQuery(SELECT + " WHERE r.reporter_org_id = :org"
            + " OR EXISTS (SELECT 1 FROM report_states s WHERE s.report_id = r.id AND s.org_id = :org) ORDER BY r.id")
        .bind("org", org)
        .map((rs, ctx) -> read(rs)).list();
  }

  /** The reports linked to a case (the one it was opened from, duplicates attached to it), oldest first. */
  public static List<ReportRow> ofCase(Handle handle, long casePk) {
    return handle.createQuery(SELECT + " WHERE r.case_id = :case ORDER BY r.id").bind("case", casePk)
        .map((rs, ctx) -> read(rs)).list();
  }

  /**
   * Gives {@code org} the RM state {@code state} for every report of the case with row id {@code casePk}
   * that it neither sent nor holds a state for already.
   *
   * @return how many reports it received
   */
  public static int receiveForCase(Handle handle, long casePk, long org, RmState state, long now) {
    return handle.createUpdate("INSERT INTO report_states (report_id, org_id, state, updated_at)"
            + " SELECT r.id, :org, :state, :now FROM reports r WHERE r.case_id = :case"
            + " AND (r.reporter_org_id IS NULL OR r.reporter_org_id <> :org)"
            + " AND NOT EXISTS (SELECT 1 FROM report_states s WHERE s.report_id = r.id AND s.org_id = :org)")
        .bind("case", casePk).bind("org", org).bind("state", state.name()).bind("now", now).execute();
  }

  /** Sets the RM state of {@code org} for the report (inserting the row the first time). */
  public static void setState(Handle handle, long report, long org, RmState state, long now) {
    int updated = handle.createUpdate("UPDATE report_states SET state = :state, updated_at = :now"
            + " WHERE report_id = :report AND org_id = :org")
        .bind("state", state.name()).bind("now", now).bind("report", report).bind("org", org).execute();
    if (updated == 0) {
      handle.createUpdate("INSERT INTO report_states (report_id, org_id, state, updated_at) VALUES (:report, :org, :state, :now)")
          .bind("state", state.name()).bind("now", now).bind("report", report).bind("org", org).execute();
    }
    handle.createUpdate("UPDATE reports SET updated_at = :now WHERE id = :report").bind("now", now).bind("report", report).execute();
  }

  /** The RM state of each participant, by organization name, in the order they received the report. */
  public static Map<String, RmState> states(Handle handle, long report) {
    Map<String, RmState> states = new LinkedHashMap<>();
    handle.createQuery("SELECT o.name, s.state FROM report_states s JOIN organizations o ON o.id = s.org_id"
            + " WHERE s.report_id = :report ORDER BY s.updated_at, o.name")
        .bind("report", report)
        .map((rs, ctx) -> Map.entry(rs.getString(1), RmState.valueOf(rs.getString(2))))
        .forEach(e -> states.put(e.getKey(), e.getValue()));
    return states;
  }

  /** The RM state of each party that received the report, by organization id. */
  public static Map<Long, RmState> statesById(Handle handle, long report) {
    Map<Long, RmState> states = new LinkedHashMap<>();
    handle.createQuery("SELECT org_id, state FROM report_states WHERE report_id = :report ORDER BY org_id")
        .bind("report", report)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), RmState.valueOf(rs.getString(2))))
        .forEach(e -> states.put(e.getKey(), e.getValue()));
    return states;
  }

  /** The RM state of {@code org} for the report, if it received it. */
  public static Optional<RmState> state(Handle handle, long report, long org) {
    return handle.createQuery("SELECT state FROM report_states WHERE report_id = :report AND org_id = :org")
        .bind("report", report).bind("org", org).mapTo(String.class).findOne().map(RmState::valueOf);
  }

  /**
   * Links the report to the case with row id {@code casePk}, as a duplicate or as its origin, only if it
   * has no case yet: a second writer that read the report before the first linked it changes nothing.
   *
   * @return whether this call linked it
   */
  public static boolean link(Handle handle, long report, long casePk, boolean duplicate, long now) {
    return handle.createUpdate("UPDATE reports SET case_id = :case, duplicate = :dup, updated_at = :now"
            + " WHERE id = :report AND case_id IS NULL")
        .bind("case", casePk).bind("dup", duplicate ? 1 : 0).bind("now", now).bind("report", report).execute() == 1;
  }

  /** Who wrote a message on a report. */
  public enum Author { FINDER, COORDINATOR }

  /** A message on a report. */
  public record MessageRow(Author author, String body, Instant at) {}

  /** Adds a message to the report. */
  public static void addMessage(Handle handle, long report, Author author, String body, long now) {
    handle.createUpdate("INSERT INTO report_messages (report_id, author, body, at) VALUES (:report, :author, :body, :now)")
        .bind("report", report).bind("author", author.name()).bind("body", body).bind("now", now).execute();
  }

  /** The report's messages, oldest first. */
  public static List<MessageRow> messages(Handle handle, long report) {
    return handle.createQuery("SELECT author, body, at FROM report_messages WHERE report_id = :report ORDER BY id")
        .bind("report", report)
        .map((rs, ctx) -> new MessageRow(Author.valueOf(rs.getString(1)), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
        .list();
  }

  private static ReportRow read(ResultSet rs) throws SQLException {
    long org = rs.getLong("reporter_org_id");
    boolean anonymous = rs.wasNull();
    long member = rs.getLong("reporter_member_id");
    boolean noMember = rs.wasNull();
    return new ReportRow(rs.getLong("id"), rs.getString("public_id"),
        anonymous ? OptionalLong.empty() : OptionalLong.of(org), Optional.ofNullable(rs.getString("org_name")),
        noMember ? OptionalLong.empty() : OptionalLong.of(member), rs.getString("title"), rs.getString("body"),
        Optional.ofNullable(rs.getString("case_public_id")), rs.getInt("duplicate") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
