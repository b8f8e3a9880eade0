package org.accord.advisory;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One test of CSAF 2.0 §6 as the registries ({@link MandatoryTests}, {@link OptionalTests}, {@link
 * InformativeTests}) list it: its number, its title as the specification gives it, and the method that
 * runs it, which adds what it finds to the run's {@link Findings}. Immutable.
 */
record CsafTest(String id, String title, BiConsumer<CsafDocument, Findings> check) {
  CsafTest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(check, "check");
  }
}
