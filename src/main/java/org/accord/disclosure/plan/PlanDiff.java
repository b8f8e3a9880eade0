package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed between an adopted plan and a newly computed one (issue 11, item 6; ADR 0134): so a
 * recomputation is shown as a diff and an adopted plan is never silently rewritten. Waves are matched
 * by their {@link WaveKind} (numbers shift when a wave empties), recipients by organization name
 * (case-insensitive). Immutable; {@link #between} is a pure function.
 *
 * @param added recipients of the new plan that the adopted one did not have, with their new wave
 * @param removed recipients of the adopted plan the new one no longer has, with their old wave
 * @param moved recipients in both whose wave kind changed
 * @param dueMoved waves of a kind in both plans whose due time changed
 */
public record PlanDiff(List<Placed> added, List<Placed> removed, List<Moved> moved, List<DueMoved> dueMoved) {
  public PlanDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    moved = List.copyOf(moved);
    dueMoved = List.copyOf(dueMoved);
  }

  /** A recipient and the wave it is in. */
  public record Placed(String organization, int wave, WaveKind kind) {
    public Placed {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A recipient whose wave changed: from the adopted plan's wave to the new plan's. */
  public record Moved(String organization, int fromWave, WaveKind from, int toWave, WaveKind to) {
    public Moved {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** A wave whose due time moved, or whose gate changed (a fix gate lifted by observed attacks). */
  public record DueMoved(WaveKind kind, Instant from, Instant to, boolean gatedBefore, boolean gatedNow) {
    public DueMoved {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && dueMoved.isEmpty();
  }

  /**
   * The changes from {@code adopted} to {@code draft}, each list ordered by wave and then organization.
   * A strategy's plan has each recipient in one wave ({@link PlanStrategy#requireDistinct}); a
   * recipient listed twice counts at its first wave.
   */
  public static PlanDiff between(NotificationPlan adopted, NotificationPlan draft) {
    Map<String, Placed> before = placed(adopted);
    Map<String, Placed> after = placed(draft);
    List<Placed> added = new ArrayList<>();
    List<Moved> moved = new ArrayList<>();
    for (Placed now : after.values()) {
      Placed was = before.get(now.organization());
      if (was == null) {
        added.add(now);
      } else if (was.kind() != now.kind()) {
        moved.add(new Moved(now.organization(), was.wave(), was.kind(), now.wave(), now.kind()));
      }
    }
    List<Placed> removed = new ArrayList<>();
    for (Placed was : before.values()) {
      if (!after.containsKey(was.organization())) {
        removed.add(was);
      }
    }
    List<DueMoved> due = new ArrayList<>();
    for (Wave old : adopted.waves()) {
      for (Wave now : draft.waves()) {
        if (now.kind() == old.kind() && (!now.due().equals(old.due()) || now.gate().isPresent() != old.gate().isPresent())) {
          due.add(new DueMoved(old.kind(), old.due(), now.due(), old.gate().isPresent(), now.gate().isPresent()));
        }
      }
    }
    java.util.Comparator<Placed> order = java.util.Comparator.comparingInt(Placed::wave).thenComparing(Placed::organization,
        String.CASE_INSENSITIVE_ORDER);
    added.sort(order);
    removed.sort(order);
    moved.sort(java.util.Comparator.comparingInt(Moved::toWave).thenComparing(Moved::organization, String.CASE_INSENSITIVE_ORDER));
    due.sort(java.util.Comparator.comparing(DueMoved::kind));
    return new PlanDiff(added, removed, moved, due);
  }

  private static Map<String, Placed> placed(NotificationPlan plan) {
    Map<String, Placed> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Wave w : plan.waves()) {
      for (Recipient r : w.recipients()) {
        out.putIfAbsent(r.organization(), new Placed(r.organization(), w.number(), w.kind()));
      }
    }
    return out;
  }
}
