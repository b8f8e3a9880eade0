package org.accord.sbom;

import java.util.Set;
import org.accord.InvalidInputException;

/** The spec versions the readers accept, and the refusal for the others. Stateless. */
final class SpecVersions {
  private SpecVersions() {}

  /** CycloneDX JSON began with 1.2. */
  static final Set<String> CYCLONEDX_JSON = Set.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");
  /** CycloneDX XML since 1.0. */
  static final Set<String> CYCLONEDX_XML = Set.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7");
  /** SPDX 2.1 to 2.3; the JSON and tag-value shapes Accord reads did not change between them. */
  static final Set<String> SPDX = Set.of("SPDX-2.1", "SPDX-2.2", "SPDX-2.3");

  static final String SUPPORTED =
      "Accord reads CycloneDX 1.2–1.7 JSON, CycloneDX 1.0–1.7 XML, and SPDX 2.1–2.3 JSON and tag-value";

  static void checkCycloneDxJson(String version, String location) {
    if (!CYCLONEDX_JSON.contains(version)) {
      throw new InvalidInputException(
          "unsupported CycloneDX specVersion " + Warnings.quote(version) + "; " + SUPPORTED, location);
    }
  }

  static void checkSpdx(String version, String location) {
    if (!SPDX.contains(version)) {
      String hint = version.startsWith("SPDX-3") ? " (SPDX 3 is JSON-LD and not supported yet)" : "";
      throw new InvalidInputException(
          "unsupported SPDX version " + Warnings.quote(version) + hint + "; " + SUPPORTED, location);
    }
  }
}
