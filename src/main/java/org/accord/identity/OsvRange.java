package org.accord.identity;

import java.util.ArrayList;
import java.util.List;
import org.accord.InvalidInputException;
import org.accord.identity.OsvEvent.Kind;

/**
 * One OSV range, evaluated exactly as the OSV schema's evaluation algorithm says [1]. Immutable and
 * thread-safe.
 *
 * <p>The algorithm: a version below no {@code limit} (when there are limits) is vulnerable when, walking
 * the events sorted by version, the last event that "fires" for it is an {@code introduced} one, where
 * {@code introduced} and {@code fixed} fire for versions at or above theirs and {@code last_affected}
 * for versions strictly above. Events are sorted once, at construction, stably (two events with equal
 * versions keep the order the record gave them); {@code introduced: "0"} sorts before every version.
 * {@link #matches} walks the sorted events from the end and stops at the first that fires, which gives
 * the same answer as the forward walk, in a few comparisons.
 *
 * <p>[1] https://ossf.github.io/osv-schema/#evaluation
 */
final class OsvRange extends AbstractRange {
  private final VersionScheme scheme;
  private final Kind[] kinds;
  private final Version[] versions; // null: introduced "0", before every version
  private final Version[] limits; // empty: no limit, or a "*" limit (infinity)
  private final String osvText;

  private OsvRange(VersionScheme scheme, Kind[] kinds, Version[] versions, Version[] limits, String osvText) {
    this.scheme = scheme;
    this.kinds = kinds;
    this.versions = versions;
    this.limits = limits;
    this.osvText = osvText;
  }

  static OsvRange of(VersionScheme scheme, List<OsvEvent> events) {
    if (events.stream().noneMatch(e -> e.kind() == Kind.INTRODUCED)) {
      throw new InvalidInputException(
          "OSV range has no 'introduced' event (the schema requires one): " + describe(events));
    }
    List<Kind> kinds = new ArrayList<>();
    List<Version> versions = new ArrayList<>();
    List<Version> limits = new ArrayList<>();
    boolean infiniteLimit = false;
    for (OsvEvent event : events) {
      String text = event.version().strip();
      if (event.kind() == Kind.LIMIT) {
        if (text.contains("*")) {
          infiniteLimit = true;
        } else {
          limits.add(parse(scheme, event, events));
        }
        continue;
      }
      kinds.add(event.kind());
      versions.add(event.kind() == Kind.INTRODUCED && text.equals("0") ? null : parse(scheme, event, events));
    }
    // Stable insertion sort by version, null ("0") first: event lists are short.
    Kind[] sortedKinds = kinds.toArray(new Kind[0]);
    Version[] sortedVersions = versions.toArray(new Version[0]);
    for (int i = 1; i < sortedVersions.length; i++) {
      Kind kind = sortedKinds[i];
      Version version = sortedVersions[i];
      int j = i - 1;
      while (j >= 0 && compare(sortedVersions[j], version) > 0) {
        sortedKinds[j + 1] = sortedKinds[j];
        sortedVersions[j + 1] = sortedVersions[j];
        j--;
      }
      sortedKinds[j + 1] = kind;
      sortedVersions[j + 1] = version;
    }
    Version[] limitArray = infiniteLimit ? new Version[0] : limits.toArray(new Version[0]);
    return new OsvRange(scheme, sortedKinds, sortedVersions, limitArray, describe(events));
  }

  private static int compare(Version a, Version b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  private static Version parse(VersionScheme scheme, OsvEvent event, List<OsvEvent> events) {
    try {
      return scheme.parse(event.version());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          e.getMessage() + " (in OSV event " + event.kind().name().toLowerCase(java.util.Locale.ROOT) + ")",
          "OSV events " + describe(events),
          e);
    }
  }

  private static String describe(List<OsvEvent> events) {
    StringBuilder out = new StringBuilder("[");
    for (OsvEvent event : events) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(event.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(event.version());
    }
    return out.append(']').toString();
  }

  @Override
  VersionScheme schemeOrNull() {
    return scheme;
  }

  @Override
  boolean matches(Probe probe) {
    if (limits.length > 0) {
      boolean below = false;
      for (Version limit : limits) {
        if (probe.compareTo(limit) < 0) {
          below = true;
          break;
        }
      }
      if (!below) {
        return false;
      }
    }
    for (int i = versions.length - 1; i >= 0; i--) {
      Version version = versions[i];
      switch (kinds[i]) {
        case INTRODUCED:
          if (version == null || probe.compareTo(version) >= 0) {
            return true;
          }
          break;
        case FIXED:
          if (probe.compareTo(version) >= 0) {
            return false;
          }
          break;
        default: // LAST_AFFECTED
          if (probe.compareTo(version) > 0) {
            return false;
          }
          break;
      }
    }
    return false;
  }

  @Override
  void collectBoundaries(List<Version> out) {
    for (Version version : versions) {
      if (version != null) {
        out.add(version);
      }
    }
    for (Version limit : limits) {
      out.add(limit);
    }
  }

  @Override
  public String toVers() {
    return Regions.render(scheme, List.of(this));
  }

  /** The events as given, for messages. */
  String osvText() {
    return osvText;
  }
}
