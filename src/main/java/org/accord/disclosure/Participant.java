package org.accord.disclosure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * An organization's place in one case, with its roles. A participant is normally a whole organization;
 * with {@code member} set, only that one person of the organization takes part (a member added to one
 * case sees that case without seeing every case of the organization). Immutable and thread-safe.
 *
 * @param organization the organization's id
 * @param member the one member who takes part, or empty for the whole organization
 * @param roles one or more roles, held as an unmodifiable {@link EnumSet} copy
 */
public record Participant(long organization, OptionalLong member, Set<ParticipantRole> roles) {
  public Participant {
    Objects.requireNonNull(member, "member");
    if (roles == null || roles.isEmpty()) {
      throw new InvalidInputException("a participant needs at least one role (" + ParticipantRole.accepted() + ")",
          "roles");
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  /** A whole organization with these roles. */
  public static Participant organization(long organization, Set<ParticipantRole> roles) {
    return new Participant(organization, OptionalLong.empty(), roles);
  }

  /** Whether the participant holds {@code role}. */
  public boolean has(ParticipantRole role) {
    return roles.contains(role);
  }
}
