package org.accord.notification;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a notification tells of, and for the kinds a case event raises, which participants it concerns
 * (ADR 0119). The concerned participants are organizations by name; who of their members hears of it is
 * the case's need-to-know (ADR 0112), which the caller applies.
 */
public enum NotificationKind {
  /** An organization (or one member of it) was invited to the case: the invited participant. */
  INVITATION("case.participant_invited"),
  /** Embargo terms were proposed: every participant but the proposer. */
  EMBARGO_PROPOSED("case.embargo_proposed"),
  /** Attacks under the embargo, or its end (ADR 0114): the signatories the alert names. */
  EMBARGO_ALERT("case.embargo_alert"),
  /** A deadline climbed its escalation ladder (ADR 0155): the participants the step names. */
  ESCALATION("case.escalated"),
  /** An anomaly alert (ADR 0155): the participants it names (every participant). */
  ANOMALY_ALERT("case.anomaly_alert"),
  /** The case was published: every participant. */
  PUBLISHED("case.published"),
  /** A participant is asked for its status: that participant. */
  STATUS_REQUESTED("case.status_requested"),
  /** A new message in the case: its audience, as the messages service names it. */
  MESSAGE(null),
  /** A reminder (an unseen invitation, a near deadline): as the reminder scheduler names it. */
  REMINDER(null);

  private final String eventType;

  NotificationKind(String eventType) {
    this.eventType = eventType;
  }

  /** The lower-case name used in the API and the store. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a case event of {@code type} raises, if any; most case events raise none. */
  public static Optional<NotificationKind> ofEvent(String type) {
    for (NotificationKind kind : values()) {
      if (kind.eventType != null && kind.eventType.equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind named by {@code label}, as stored. */
  public static NotificationKind parse(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /**
   * The participants (organization names, case-insensitive) an event of this kind concerns.
   *
   * @param data the event's data as recorded
   * @param participants the names of the case's participants
   * @param actor the name of the acting organization
   * @return a subset of {@code participants}; empty for the kinds no case event raises
   */
  public Set<String> concerned(Map<String, Object> data, Collection<String> participants, String actor) {
    Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    all.addAll(participants);
    Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    switch (this) {
      case INVITATION, STATUS_REQUESTED -> {
        if (data.get("organization") instanceof String organization) {
          named.add(organization);
        }
      }
      case EMBARGO_PROPOSED -> {
        named.addAll(all);
        named.remove(actor);
      }
      case EMBARGO_ALERT, ESCALATION, ANOMALY_ALERT -> {
        if (data.get("recipients") instanceof List<?> recipients) {
          recipients.forEach(r -> named.add(String.valueOf(r)));
        }
      }
      case PUBLISHED -> named.addAll(all);
      case MESSAGE, REMINDER -> { }
    }
    named.retainAll(all);
    return named;
  }

  /**
   * One sentence telling what happened, from the event's data; it names only what the case's own
   * history shows its participants (who acted, who was invited, the proposed end).
   */
  public String text(Map<String, Object> data, String actor) {
    return switch (this) {
      case INVITATION -> actor + " invited " + data.getOrDefault("organization", "a participant") + " to take part in the case.";
      case EMBARGO_PROPOSED -> actor + " proposed an embargo until " + data.getOrDefault("end", "?")
          + (data.get("rsvp_deadline") == null ? "." : "; please answer by " + data.get("rsvp_deadline") + ".");
      case EMBARGO_ALERT -> String.valueOf(data.getOrDefault("message", "An embargo alert was raised."));
      case ESCALATION -> String.valueOf(data.getOrDefault("message", "A deadline of the case was escalated."));
      case ANOMALY_ALERT -> String.valueOf(data.getOrDefault("message", "An anomaly was seen in the case."));
      case PUBLISHED -> "The case was published by " + actor + ".";
      case STATUS_REQUESTED -> actor + " asks " + data.getOrDefault("organization", "a participant") + " for its status.";
      case MESSAGE -> actor + " posted a new message (" + data.getOrDefault("message", "?") + ") in the case's "
          + data.getOrDefault("thread_kind", "general") + " thread.";
      case REMINDER -> String.valueOf(data.getOrDefault("message", "A reminder about the case."));
    };
  }
}
