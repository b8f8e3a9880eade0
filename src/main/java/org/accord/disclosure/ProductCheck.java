package org.accord.disclosure;

import java.util.Objects;
import java.util.Optional;
import org.accord.advisory.VexStatus;

/**
 * What a participant has said about one product in a case: either it has not checked yet, or it has,
 * with a VEX status ({@link VexStatus}, with its justification or statements). "Not yet checked" is a
 * state of its own and never stands for {@code not_affected}: the participant has simply not answered.
 * It has no VEX label of its own; the documents a published case writes state it as {@code
 * under_investigation}, never {@code not_affected} (ADR 0121). Immutable and thread-safe.
 */
public sealed interface ProductCheck permits ProductCheck.NotYetChecked, ProductCheck.Checked {

  /** {@code not_yet_checked}, or the VEX status label. */
  String label();

  /** The VEX status, or empty when the product has not been checked. */
  Optional<VexStatus> vex();

  /** The participant has not yet said anything about the product. */
  static ProductCheck notYetChecked() {
    return NotYetChecked.INSTANCE;
  }

  /** The participant has checked the product, with this result. */
  static ProductCheck checked(VexStatus status) {
    return new Checked(status);
  }

  /** No answer yet. */
  enum NotYetChecked implements ProductCheck {
    INSTANCE;

    @Override
    public String label() {
      return "not_yet_checked";
    }

    @Override
    public Optional<VexStatus> vex() {
      return Optional.empty();
    }
  }

  /** A VEX answer. */
  record Checked(VexStatus status) implements ProductCheck {
    public Checked {
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String label() {
      return status.label();
    }

    @Override
    public Optional<VexStatus> vex() {
      return Optional.of(status);
    }
  }
}
