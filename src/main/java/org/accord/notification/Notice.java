package org.accord.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one notification says: its kind, the case, one sentence and a link, fixed when it is written
 * and holding only what its recipient may see (ADR 0119). The e-mail subject names the case id only
 * ({@link #subject}): a subject is shown in lists, previews and logs and travels past mail servers
 * that are not the recipient's, so it carries no title, CVE, package or other embargoed detail (VINCE
 * #40 asked for the id in the body for the same reason). Immutable.
 *
 * @param kind what it tells of
 * @param caseId the case id, such as {@code ACC-2026-0001}
 * @param title the case title, which the recipient sees in the case (body only)
 * @param text one sentence, from {@link NotificationKind#text}
 * @param at when the event happened
 */
public record Notice(NotificationKind kind, String caseId, String title, String text, Instant at) {
  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }

  /** The e-mail subject of one notification: the case id and nothing else of the case. */
  public String subject() {
    return "[Accord] Activity on case " + caseId;
  }

  /** The subject of a daily digest of {@code count} notifications. */
  public static String digestSubject(int count) {
    return "[Accord] Daily digest: " + count + (count == 1 ? " notification" : " notifications");
  }

  /** Where the recipient reads the case, under the instance's public URL. */
  public String link(String publicUrl) {
    return publicUrl.replaceAll("/+$", "") + "/api/v1/cases/" + caseId;
  }

  /** The plain-text body block of this notice: case id, title, sentence, time and link. */
  public String body(String publicUrl) {
    return "Case " + caseId + ": " + title + "\n" + text + "\n" + "At: " + at + "\n" + "Open the case: " + link(publicUrl) + "\n";
  }

  /** The plain-text body of an e-mail carrying {@code notices} (one, or a day's digest). */
  public static String mailBody(List<Notice> notices, String publicUrl) {
    StringBuilder body = new StringBuilder();
    for (Notice notice : notices) {
      body.append(notice.body(publicUrl)).append('\n');
    }
    body.append("-- \nAccord at ").append(publicUrl)
        .append("\nChoose your channels and digest: accord notify prefs, or PUT /api/v1/members/me/notifications\n");
    return body.toString();
  }

  /** As stored and as the inbox and the webhook show it. */
  public Map<String, Object> toData() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.label());
    out.put("case", caseId);
    out.put("title", title);
    out.put("text", text);
    out.put("at", at.toString());
    return out;
  }

  /** A notice from {@link #toData()}. */
  public static Notice fromData(Map<String, Object> data) {
    return new Notice(NotificationKind.parse(String.valueOf(data.get("kind"))), String.valueOf(data.get("case")),
        String.valueOf(data.get("title")), String.valueOf(data.get("text")), Instant.parse(String.valueOf(data.get("at"))));
  }
}
