package org.accord.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.Version;
import org.accord.identity.VersionRange;

/**
 * One package an advisory affects, with the versions it affects in every form the formats use: OSV
 * event ranges, an explicit version list, and {@code vers:} ranges (from CSAF product version ranges).
 * {@link #range()} is their union over the evaluable forms, built once with every version parsed, so a
 * membership test is a few comparisons.
 *
 * <p>Immutable and thread-safe; nothing is null.
 *
 * @param osvEcosystem the ecosystem as the document names it, such as {@code Debian:12}; empty when
 *     the entry names no package
 * @param ecosystem the ecosystem whose version scheme orders the versions ({@link Ecosystem#GENERIC}
 *     when there is no package)
 * @param name the package name as the document gives it; empty when there is none
 * @param packageKey the package's canonical PURL without version, such as {@code
 *     pkg:maven/org.apache.logging.log4j/log4j-core}; empty when there is none
 * @param ranges the OSV ranges, in document order ({@code GIT} ranges included)
 * @param versions the explicitly listed affected versions
 * @param vers {@code vers:} ranges of affected versions
 * @param range the union of the evaluable forms; {@link VersionRange#none()} when nothing is
 *     evaluable
 */
public record AffectedPackage(
    String osvEcosystem,
    Ecosystem ecosystem,
    String name,
    String packageKey,
    List<EventRange> ranges,
    List<String> versions,
    List<String> vers,
    VersionRange range) {

  public AffectedPackage {
    Objects.requireNonNull(osvEcosystem, "osvEcosystem");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(packageKey, "packageKey");
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    vers = List.copyOf(vers);
    Objects.requireNonNull(range, "range");
  }

  /**
   * Builds an entry and its evaluable range, checking every version against the ecosystem's scheme.
   *
   * @throws InvalidInputException if a range has no {@code introduced} event, mixes {@code fixed} with
   *     {@code last_affected}, or a version is not valid in the scheme; the location is relative to
   *     the entry, such as {@code ranges[1].events[2]} or {@code versions[0]}
   */
  public static AffectedPackage of(
      String osvEcosystem, Ecosystem ecosystem, String name, String packageKey, List<EventRange> ranges,
      List<String> versions, List<String> vers) {
    List<VersionRange> parts = new ArrayList<>();
    for (int r = 0; r < ranges.size(); r++) {
      EventRange eventRange = ranges.get(r);
      checkEvents(eventRange, "ranges[" + r + "]");
      if (!eventRange.type().evaluable() || packageKey.isEmpty()) {
        continue;
      }
      for (int e = 0; e < eventRange.events().size(); e++) {
        OsvEvent event = eventRange.events().get(e);
        String text = event.version().strip();
        boolean special =
            (event.kind() == OsvEvent.Kind.INTRODUCED && text.equals("0"))
                || (event.kind() == OsvEvent.Kind.LIMIT && text.contains("*"));
        if (!special) {
          parse(ecosystem, text, "ranges[" + r + "].events[" + e + "]." + event.kind().name().toLowerCase(Locale.ROOT));
        }
      }
      parts.add(VersionRange.fromOsvEvents(ecosystem, eventRange.events()));
    }
    if (!packageKey.isEmpty()) {
      for (int v = 0; v < versions.size(); v++) {
        parse(ecosystem, versions.get(v), "versions[" + v + "]");
      }
      if (!versions.isEmpty()) {
        parts.add(VersionRange.exactly(ecosystem.scheme(), versions));
      }
      for (int v = 0; v < vers.size(); v++) {
        parts.add(parseVers(ecosystem, vers.get(v), "vers[" + v + "]"));
      }
    }
    VersionRange range = parts.isEmpty() ? VersionRange.none() : VersionRange.union(parts);
    return new AffectedPackage(osvEcosystem, ecosystem, name, packageKey, ranges, versions, vers, range);
  }

  /** Whether some version can be decided: there is a package and an evaluable range or version list. */
  public boolean evaluable() {
    return !packageKey.isEmpty()
        && (!versions.isEmpty() || !vers.isEmpty() || ranges.stream().anyMatch(r -> r.type().evaluable()));
  }

  /**
   * Why parts of this entry cannot be evaluated, one sentence each: {@code GIT} ranges (a commit range
   * needs the repository's history), a missing package, or an entry without ranges or versions.
   */
  public List<String> notEvaluable() {
    List<String> reasons = new ArrayList<>();
    for (EventRange eventRange : ranges) {
      if (!eventRange.type().evaluable()) {
        reasons.add("GIT range on " + (eventRange.repo().isEmpty() ? "an unnamed repository" : eventRange.repo())
            + " is stored but not evaluated: commit ranges need the repository's history");
      }
    }
    if (packageKey.isEmpty() && (!ranges.isEmpty() || !versions.isEmpty())) {
      reasons.add("no package is named, so no package version can match");
    } else if (!packageKey.isEmpty() && ranges.isEmpty() && versions.isEmpty() && vers.isEmpty()) {
      reasons.add(packageKey + " has no ranges or versions, so no version of it can match");
    }
    return reasons;
  }

  /** Whether the version, parsed in this entry's scheme, is affected; false if it does not parse. */
  public boolean affects(String version) {
    try {
      return range.contains(ecosystem.scheme().parse(version));
    } catch (InvalidInputException unparsable) {
      return false;
    }
  }

  private static void checkEvents(EventRange range, String where) {
    boolean introduced = false;
    boolean fixed = false;
    boolean lastAffected = false;
    for (OsvEvent event : range.events()) {
      switch (event.kind()) {
        case INTRODUCED -> introduced = true;
        case FIXED -> fixed = true;
        case LAST_AFFECTED -> lastAffected = true;
        case LIMIT -> {}
      }
    }
    if (range.events().isEmpty()) {
      throw new InvalidInputException("an OSV range needs at least one event", where + ".events");
    }
    if (!introduced) {
      throw new InvalidInputException(
          "OSV range has no 'introduced' event (the schema requires one): " + range.describe(), where + ".events");
    }
    if (fixed && lastAffected) {
      throw new InvalidInputException(
          "OSV range mixes 'fixed' and 'last_affected' events, which the schema forbids: " + range.describe(),
          where + ".events");
    }
  }

  private static Version parse(Ecosystem ecosystem, String text, String where) {
    try {
      return ecosystem.scheme().parse(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), where, e);
    }
  }

  private static VersionRange parseVers(Ecosystem ecosystem, String text, String where) {
    VersionRange range;
    try {
      range = VersionRange.parseVersLenient(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), where, e);
    }
    if (range.scheme().isPresent() && range.scheme().get() != ecosystem.scheme()) {
      throw new InvalidInputException(
          "range '" + text + "' uses scheme " + range.scheme().get().name() + ", but the package's scheme is "
              + ecosystem.scheme().name(),
          where);
    }
    return range;
  }
}
