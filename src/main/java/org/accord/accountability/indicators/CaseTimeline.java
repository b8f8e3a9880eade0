package org.accord.accountability.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.accord.ledger.LedgerEvent;

/**
 * One case's history folded into milestones: when it was opened, when the public became aware, whether
 * its embargo held, and one {@link Timeline} per organization the events name. Immutable.
 *
 * <p>How the {@code case.*} events map (ADR 0142): {@code case.created} is the report (its owner takes
 * part from then); {@code case.participant_invited} notifies the organization (with the vendor role,
 * it is a vendor of the case; it is aware only once V is recorded, as {@code disclosure.CaseState} has
 * it); {@code case.acknowledged} is its response; {@code case.state_changed} carries V, F, D for the named
 * vendor and P, X, A for the case; {@code case.status_set} is the organization's VEX status, public from
 * P on; {@code case.embargo_accepted} starts an embargo to its {@code end}, and {@code
 * case.embargo_terminated} ends it by decision. An embargo is broken when P or X is recorded while it
 * is in force and before its agreed end. Other events are ignored, and so are events the bundle
 * withholds (the caller never has them). Each milestone keeps its first time.
 *
 * @param caseId the case
 * @param reported when the case was opened, or {@link Timeline#NONE}
 * @param embargo how the case's embargo went
 * @param timelines one per organization, by name
 * @param imported whether the case is a historical one imported with its stated dates (ADR 0156), not a
 *     live case whose events the participants attested
 */
public record CaseTimeline(String caseId, long reported, Embargo embargo, List<Timeline> timelines, boolean imported) {
  public CaseTimeline {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(embargo, "embargo");
    timelines = List.copyOf(timelines);
  }

  /** A live case. */
  public CaseTimeline(String caseId, long reported, Embargo embargo, List<Timeline> timelines) {
    this(caseId, reported, embargo, timelines, false);
  }

  /** Whether an embargo was agreed, and whether it held. */
  public enum Embargo {
    /** No embargo was ever in force. */
    NONE,
    /** An embargo was in force and P and X waited for its end or its termination. */
    HELD,
    /** P or X came while the embargo was in force, before its agreed end. */
    BROKEN
  }

  /** The case's milestone for everybody (P, X, A), or {@link Timeline#NONE}. */
  public long at(Milestone milestone) {
    return timelines.isEmpty() ? Timeline.NONE : timelines.get(0).at(milestone);
  }

  /** Folds a case's revealed events, in chain order. */
  public static CaseTimeline of(String caseId, Collection<LedgerEvent> events) {
    Builder builder = new Builder(caseId);
    for (LedgerEvent e : events) {
      builder.add(e.type(), e.time().toEpochMilli(), e.data());
    }
    return builder.build();
  }

  /**
   * Folds events one by one, in the case's order. Not thread-safe. Data values are as {@link
   * org.accord.ledger.CanonicalJson} reads them (strings, lists of strings); a missing or odd member
   * leaves the event without effect, never fails: the indicators read what the log holds.
   */
  public static final class Builder {
    private static final int SIZE = Milestone.values().length;
    private static final String VENDOR = org.accord.disclosure.ParticipantRole.VENDOR.label();

    private final String caseId;
    private final long[] shared = blank();
    private final Map<String, long[]> orgs = new TreeMap<>();
    private final Map<String, Boolean> vendors = new TreeMap<>();
    private long embargoEnd = Timeline.NONE;
    private boolean embargoInForce;
    private Embargo embargo = Embargo.NONE;
    private boolean imported;

    /** The event types the fold reads; every other type leaves the timeline as it is. */
    public static final java.util.Set<String> TYPES = java.util.Set.of("case.created", "case.participant_invited",
        "case.acknowledged", "case.status_set", "case.embargo_accepted", "case.embargo_terminated", "case.state_changed");

    /** Marks the case as imported from history (ADR 0156): its figures count apart from live cases'. */
    public Builder imported() {
      imported = true;
      return this;
    }

    /** Makes {@code name} a vendor of the case, with no milestone yet: a history row names its vendor. */
    public Builder vendor(String name) {
      org(Objects.requireNonNull(name, "name"));
      vendors.put(name, true);
      return this;
    }
    /** The members of an event's data the fold reads; a reader may leave the others out. */
    public static final java.util.Set<String> MEMBERS = java.util.Set.of("owner", "roles", "organization", "end", "event", "vendor");

    /** Whether the fold reads events of {@code type}: a reader may skip the data of the others. */
    public static boolean reads(String type) {
      return TYPES.contains(type);
    }

    public Builder(String caseId) {
      this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    /**
     * Adds one event.
     *
     * @param type such as {@code case.state_changed}
     * @param at its time, epoch ms
     * @param data its data
     */
    public Builder add(String type, long at, Map<String, Object> data) {
      switch (type) {
        case "case.created" -> {
          first(shared, Milestone.REPORTED, at);
          String owner = text(data.get("owner"));
          if (owner != null) {
            org(owner);
            if (roles(data).contains(VENDOR)) {
              vendors.put(owner, true);
            }
          }
        }
        case "case.participant_invited" -> {
          String name = text(data.get("organization"));
          if (name != null) {
            long[] t = org(name);
            first(t, Milestone.NOTIFIED, at);
            if (roles(data).contains(VENDOR)) {
              vendors.put(name, true);
            }
          }
        }
        case "case.acknowledged" -> {
          String name = text(data.get("organization"));
          if (name != null) {
            first(org(name), Milestone.RESPONDED, at);
          }
        }
        case "case.status_set" -> {
          String name = text(data.get("organization"));
          if (name != null) {
            first(org(name), Milestone.VEX_PUBLISHED, at);
          }
        }
        case "case.embargo_accepted" -> {
          String end = text(data.get("end"));
          if (end != null) {
            try {
              embargoEnd = Instant.parse(end).toEpochMilli();
              embargoInForce = true;
              if (embargo == Embargo.NONE) {
                embargo = Embargo.HELD;
              }
            } catch (java.time.format.DateTimeParseException e) {
              // not an instant: no embargo this fold can judge
            }
          }
        }
        case "case.embargo_terminated" -> embargoInForce = false;
        case "case.state_changed" -> stateChanged(at, data);
        default -> {
          // other case events do not move a milestone
        }
      }
      return this;
    }

    private void stateChanged(long at, Map<String, Object> data) {
      String event = text(data.get("event"));
      if (event == null) {
        return;
      }
      Milestone milestone = switch (event.toLowerCase(Locale.ROOT)) {
        case "vendor_aware" -> Milestone.VENDOR_AWARE;
        case "fix_ready" -> Milestone.FIX_READY;
        case "fix_deployed" -> Milestone.FIX_DEPLOYED;
        case "public_aware" -> Milestone.PUBLIC;
        case "exploit_public" -> Milestone.EXPLOIT_PUBLIC;
        case "attacks_observed" -> Milestone.ATTACKS;
        default -> null;
      };
      if (milestone == null) {
        return;
      }
      if (milestone == Milestone.VENDOR_AWARE || milestone == Milestone.FIX_READY || milestone == Milestone.FIX_DEPLOYED) {
        String vendor = text(data.get("vendor"));
        if (vendor != null) {
          vendors.put(vendor, true);
          first(org(vendor), milestone, at);
        }
        return;
      }
      if (milestone != Milestone.ATTACKS && embargoInForce) {
        // P or X ends the embargo (Vultron CSB-04-002, CSB-04-003): before its agreed end it is broken.
        if (at < embargoEnd) {
          embargo = Embargo.BROKEN;
        }
        embargoInForce = false;
      }
      if (milestone == Milestone.EXPLOIT_PUBLIC) {
        first(shared, Milestone.PUBLIC, at); // X implies P (PxaState)
      }
      first(shared, milestone, at);
    }

    /** The case as folded so far. */
    public CaseTimeline build() {
      List<Timeline> out = new ArrayList<>(orgs.size());
      for (Map.Entry<String, long[]> e : orgs.entrySet()) {
        long[] times = e.getValue().clone();
        for (Milestone m : new Milestone[] {Milestone.REPORTED, Milestone.PUBLIC, Milestone.EXPLOIT_PUBLIC, Milestone.ATTACKS}) {
          times[m.ordinal()] = shared[m.ordinal()];
        }
        long vex = times[Milestone.VEX_PUBLISHED.ordinal()];
        long p = shared[Milestone.PUBLIC.ordinal()];
        // A status is private until the case is public: its VEX is published at P at the earliest.
        times[Milestone.VEX_PUBLISHED.ordinal()] = vex == Timeline.NONE || p == Timeline.NONE ? Timeline.NONE : Math.max(vex, p);
        boolean vendor = vendors.getOrDefault(e.getKey(), false);
        if (vendor) {
          // F implies V and D implies F (VfdState); a vendor whose awareness was not recorded is aware by its fix.
          long v = times[Milestone.VENDOR_AWARE.ordinal()];
          long f = times[Milestone.FIX_READY.ordinal()];
          if (v == Timeline.NONE || (f != Timeline.NONE && f < v)) {
            times[Milestone.VENDOR_AWARE.ordinal()] = f;
          }
        } else {
          times[Milestone.VENDOR_AWARE.ordinal()] = Timeline.NONE;
        }
        out.add(new Timeline(caseId, e.getKey(), vendor, times));
      }
      return new CaseTimeline(caseId, shared[Milestone.REPORTED.ordinal()], embargo, out, imported);
    }

    private long[] org(String name) {
      return orgs.computeIfAbsent(name, n -> blank());
    }

    private static long[] blank() {
      long[] times = new long[SIZE];
      Arrays.fill(times, Timeline.NONE);
      return times;
    }

    private static void first(long[] times, Milestone milestone, long at) {
      int i = milestone.ordinal();
      if (times[i] == Timeline.NONE || at < times[i]) {
        times[i] = at;
      }
    }

    private static String text(Object value) {
      return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<?> roles(Map<String, Object> data) {
      return data.get("roles") instanceof List<?> list ? list : List.of();
    }
  }
}
