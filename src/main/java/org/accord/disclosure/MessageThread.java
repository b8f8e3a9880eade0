package org.accord.disclosure;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * What a case's discussion thread is about (ADR 0117): the case's {@link General} thread, one per
 * product ({@link Product}, by canonical PURL) or one per vendor organization taking part ({@link
 * Vendor}). A case has at most one thread per subject; the VINCE users' wish to split a 121-vendor
 * discussion by product (VINCE #140) is what the last two are for. Pure and immutable; a closed set.
 */
public sealed interface MessageThread {
  /** The case's general discussion. */
  record General() implements MessageThread {}

  /** The discussion of one product, named by its canonical PURL. */
  record Product(String purl) implements MessageThread {
    public Product {
      Objects.requireNonNull(purl, "purl");
    }
  }

  /** The discussion with or about one vendor organization that takes part in the case. */
  record Vendor(long organization) implements MessageThread {}

  /** {@code general}, {@code product} or {@code vendor}, as stored and shown. */
  default String kind() {
    return this instanceof General ? "general" : this instanceof Product ? "product" : "vendor";
  }

  /** The stored subject: empty for the general thread, the PURL, or the organization id. */
  default String subject() {
    if (this instanceof Product product) {
      return product.purl();
    }
    return this instanceof Vendor vendor ? Long.toString(vendor.organization()) : "";
  }

  /** The thread stored as {@code kind} and {@code subject}. */
  static MessageThread stored(String kind, String subject) {
    return switch (kind) {
      case "general" -> new General();
      case "product" -> new Product(subject);
      case "vendor" -> new Vendor(Long.parseLong(subject));
      default -> throw new IllegalArgumentException("unknown thread kind " + kind);
    };
  }

  /**
   * Checks that a vendor thread is about a vendor participant of the case.
   *
   * @param participants each participant organization's roles
   * @param field the request's field naming the vendor, for the error's location
   * @throws InvalidInputException at {@code field} otherwise (the same message whether the organization
   *     exists or not)
   */
  default void check(Map<Long, Set<ParticipantRole>> participants, String field) {
    if (this instanceof Vendor vendor) {
      Set<ParticipantRole> roles = participants.get(vendor.organization());
      if (roles == null || !roles.contains(ParticipantRole.VENDOR)) {
        throw new InvalidInputException("a vendor thread is about a vendor participant of the case; this organization is not one",
            field);
      }
    }
  }
}
