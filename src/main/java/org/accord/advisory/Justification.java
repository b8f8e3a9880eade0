package org.accord.advisory;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a product is not affected: the five status justifications of the CISA VEX minimum requirements,
 * which OpenVEX uses as its {@code justification} values and CSAF 2.0 as its product {@code flags}
 * labels, with the same spelling. CycloneDX's own justifications map onto these (see {@link
 * #fromCycloneDx} and ADR 0062).
 */
public enum Justification {
  COMPONENT_NOT_PRESENT,
  VULNERABLE_CODE_NOT_PRESENT,
  VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
  VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
  INLINE_MITIGATIONS_ALREADY_EXIST;

  /** The label, such as {@code vulnerable_code_not_present}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The justification with this label (case-insensitive), if any. */
  public static Optional<Justification> fromLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    for (Justification justification : values()) {
      if (justification.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(justification);
      }
    }
    return Optional.empty();
  }

  /**
   * The justification a CycloneDX {@code analysis.justification} amounts to: {@code code_not_present}
   * is vulnerable code not present; {@code code_not_reachable} not in the execute path; {@code
   * requires_configuration}, {@code requires_dependency} and {@code requires_environment} mean the
   * adversary cannot reach the code in this product's setup (cannot be controlled by adversary); the
   * four {@code protected_*} values are mitigations already in place. Empty for an unknown value.
   */
  public static Optional<Justification> fromCycloneDx(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip()) {
      case "code_not_present" -> Optional.of(VULNERABLE_CODE_NOT_PRESENT);
      case "code_not_reachable" -> Optional.of(VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
      case "requires_configuration", "requires_dependency", "requires_environment" ->
          Optional.of(VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY);
      case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control" ->
          Optional.of(INLINE_MITIGATIONS_ALREADY_EXIST);
      default -> Optional.empty();
    };
  }

  /** The CycloneDX {@code analysis.justification} closest to this one. */
  public String cycloneDx() {
    return switch (this) {
      case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> "code_not_present";
      case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> "code_not_reachable";
      case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY -> "requires_environment";
      case INLINE_MITIGATIONS_ALREADY_EXIST -> "protected_by_mitigating_control";
    };
  }
}
