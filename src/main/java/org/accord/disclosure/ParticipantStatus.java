package org.accord.disclosure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;

/**
 * One participant's status for one product in a case: its CSAF involvement, its VEX answer (or that it
 * has not checked yet), and when it was notified, first viewed the case, and acknowledged it.
 * Immutable and thread-safe.
 *
 * @param organization the participant organization's id
 * @param product the product, as a PURL
 * @param involvement how far the participant has engaged
 * @param check the VEX answer, or {@link ProductCheck#notYetChecked()}
 * @param notified when the participant was notified, if it was
 * @param firstViewed when someone of the participant first viewed the case, if anyone did
 * @param acknowledged when the participant acknowledged the case, if it did
 */
public record ParticipantStatus(
    long organization,
    Purl product,
    Involvement involvement,
    ProductCheck check,
    Optional<Instant> notified,
    Optional<Instant> firstViewed,
    Optional<Instant> acknowledged) {

  /**
   * @throws InvalidInputException with location {@code acknowledged} when the acknowledgement is
   *     dated before the notification
   */
  public ParticipantStatus {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(involvement, "involvement");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(firstViewed, "firstViewed");
    Objects.requireNonNull(acknowledged, "acknowledged");
    if (notified.isPresent() && acknowledged.isPresent() && acknowledged.get().isBefore(notified.get())) {
      throw new InvalidInputException("the acknowledgement is dated before the notification", "acknowledged");
    }
  }

  /** A participant just added for a product: not contacted, not yet checked, no times. */
  public static ParticipantStatus initial(long organization, Purl product) {
    return new ParticipantStatus(organization, product, Involvement.NOT_CONTACTED, ProductCheck.notYetChecked(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This status with another VEX answer. */
  public ParticipantStatus withCheck(ProductCheck newCheck) {
    return new ParticipantStatus(organization, product, involvement, newCheck, notified, firstViewed, acknowledged);
  }

  /** This status with another involvement. */
  public ParticipantStatus withInvolvement(Involvement newInvolvement) {
    return new ParticipantStatus(organization, product, newInvolvement, check, notified, firstViewed, acknowledged);
  }
}
