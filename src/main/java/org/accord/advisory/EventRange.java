package org.accord.advisory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.accord.identity.OsvEvent;

/**
 * One OSV {@code affected[].ranges[]} entry as the document gives it: its type, the repository of a
 * {@code GIT} range, and its events in document order. Immutable; nothing is null.
 *
 * @param type the range type
 * @param repo the repository URL of a {@code GIT} range; empty for the others
 * @param events the events, in document order
 */
public record EventRange(Type type, String repo, List<OsvEvent> events) {

  /** The OSV range types. */
  public enum Type {
    /** Versions ordered by SemVer 2.0. */
    SEMVER,
    /** Versions ordered by the package's ecosystem. */
    ECOSYSTEM,
    /** Commits of a git repository: stored and reported, never evaluated (no history to walk). */
    GIT;

    /** Whether Accord can decide membership of a version in a range of this type. */
    public boolean evaluable() {
      return this != GIT;
    }
  }

  public EventRange {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(repo, "repo");
    events = List.copyOf(events);
  }

  /** The events in OSV's own notation, such as {@code introduced 0, fixed 1.2.3}, for messages. */
  public String describe() {
    StringBuilder out = new StringBuilder(type.name()).append(type == Type.GIT ? " " + repo : "").append(" [");
    for (int i = 0; i < events.size(); i++) {
      OsvEvent event = events.get(i);
      out.append(i == 0 ? "" : ", ").append(event.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(event.version());
    }
    return out.append(']').toString();
  }
}
