package org.accord.disclosure;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transition table of one Vultron state machine: for each state, the events it allows and the
 * state each leads to. Built once in a machine's static initializer with {@link #edge}, read-only after
 * that (so safe to share between threads).
 *
 * <p>An {@link EnumMap} of {@link EnumMap}s: lookups are array indexing by ordinal, and a missing entry
 * is the illegal transition, which the machine turns into an {@link IllegalTransitionException} with its
 * own reason.
 */
final class TransitionTable<S extends Enum<S>, E extends Enum<E>> {
  private final Class<E> events;
  private final Map<S, Map<E, S>> table;

  TransitionTable(Class<S> states, Class<E> events) {
    this.events = events;
    this.table = new EnumMap<>(states);
  }

  /** Adds the edge {@code from --event--> to}; for static initializers only. */
  TransitionTable<S, E> edge(S from, E event, S to) {
    table.computeIfAbsent(from, s -> new EnumMap<>(events)).put(event, to);
    return this;
  }

  /** The state {@code event} leads to from {@code from}, or null when the table has no such edge. */
  S target(S from, E event) {
    Map<E, S> out = table.get(from);
    return out == null ? null : out.get(event);
  }

  /** The events allowed in {@code state}, in declaration order; unmodifiable. */
  Set<E> allowed(S state) {
    Map<E, S> out = table.get(state);
    return Collections.unmodifiableSet(out == null ? EnumSet.noneOf(events) : EnumSet.copyOf(out.keySet()));
  }
}
