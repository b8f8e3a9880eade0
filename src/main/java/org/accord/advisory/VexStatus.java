package org.accord.advisory;

import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * What a VEX statement says about a product and a vulnerability: one of the four statuses of the CISA
 * VEX minimum requirements, each with what that status needs. A finding without any statement has no
 * VEX status at all; Accord reports it as {@code unknown}, never as one of these.
 *
 * <p>Immutable; nothing is null.
 */
public sealed interface VexStatus
    permits VexStatus.NotAffected, VexStatus.Affected, VexStatus.Fixed, VexStatus.UnderInvestigation {

  /** The status label shared by OpenVEX and Accord: {@code not_affected}, {@code affected}, {@code fixed}, {@code under_investigation}. */
  String label();

  /** Whether the status removes the finding from the open list (not affected, or fixed). */
  default boolean suppresses() {
    return this instanceof NotAffected || this instanceof Fixed;
  }

  /**
   * Not affected, with why: a justification, an impact statement, or both.
   *
   * @param justification the status justification, if given
   * @param impactStatement why the product is not affected, in words; empty if only a justification
   *     is given
   */
  record NotAffected(Optional<Justification> justification, String impactStatement) implements VexStatus {
    /** @throws InvalidInputException when neither a justification nor an impact statement is given */
    public NotAffected {
      Objects.requireNonNull(justification, "justification");
      Objects.requireNonNull(impactStatement, "impactStatement");
      if (justification.isEmpty() && impactStatement.isBlank()) {
        throw new InvalidInputException(
            "a not_affected statement needs a justification or an impact statement (CISA VEX minimum requirements)");
      }
    }

    @Override
    public String label() {
      return "not_affected";
    }
  }

  /**
   * Affected, with what to do about it.
   *
   * @param actionStatement the remediation or mitigation advice; empty when the source gave none
   */
  record Affected(String actionStatement) implements VexStatus {
    public Affected {
      Objects.requireNonNull(actionStatement, "actionStatement");
    }

    @Override
    public String label() {
      return "affected";
    }
  }

  /** Fixed: the product version contains a fix. */
  record Fixed() implements VexStatus {
    @Override
    public String label() {
      return "fixed";
    }
  }

  /** Under investigation: someone is looking, and has not decided yet. */
  record UnderInvestigation() implements VexStatus {
    @Override
    public String label() {
      return "under_investigation";
    }
  }

  /**
   * Rebuilds a status from its parts, as they are stored.
   *
   * @param label the status label
   * @param justification a justification label or empty
   * @param impactStatement the impact statement or empty
   * @param actionStatement the action statement or empty
   * @throws InvalidInputException for an unknown label or justification, or a not_affected status
   *     without a reason
   */
  static VexStatus of(String label, String justification, String impactStatement, String actionStatement) {
    return switch (label) {
      case "not_affected" -> {
        Optional<Justification> parsed = Justification.fromLabel(justification);
        if (parsed.isEmpty() && justification != null && !justification.isBlank()) {
          throw new InvalidInputException(
              "unknown justification '" + justification + "' (one of component_not_present, vulnerable_code_not_present, "
                  + "vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary, "
                  + "inline_mitigations_already_exist)",
              "justification");
        }
        yield new NotAffected(parsed, impactStatement == null ? "" : impactStatement);
      }
      case "affected" -> new Affected(actionStatement == null ? "" : actionStatement);
      case "fixed" -> new Fixed();
      case "under_investigation" -> new UnderInvestigation();
      default -> throw new InvalidInputException(
          "unknown VEX status '" + label + "' (one of not_affected, affected, fixed, under_investigation)", "status");
    };
  }

  /** The justification label, or empty. */
  default String justificationLabel() {
    return this instanceof NotAffected notAffected ? notAffected.justification().map(Justification::label).orElse("") : "";
  }

  /** The impact statement, or empty. */
  default String impactStatement() {
    return this instanceof NotAffected notAffected ? notAffected.impactStatement() : "";
  }

  /** The action statement, or empty. */
  default String actionStatement() {
    return this instanceof Affected affected ? affected.actionStatement() : "";
  }
}
