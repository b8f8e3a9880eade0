package org.accord.advisory;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CSAF 2.0 tests on document versions, dates and the revision history: mandatory §6.1.14,
 * §6.1.16 to §6.1.22, §6.1.30 and optional §6.2.4 to §6.2.6. Stateless.
 *
 * <p>Several tests sort the revision history "ascending by date". Items with the same date are
 * ordered by their number, as the OASIS test suite expects (two revisions published at the same
 * instant are not out of order). Dates are compared as instants with their full fractional seconds.
 * Items whose date or number cannot be read are left out; the schema reports them.
 */
final class RevisionTests {
  private RevisionTests() {}

  /** One readable revision history item. */
  private record Revision(Located item, Instant date, VersionNumber number) {}

  private static final Comparator<Revision> BY_DATE_THEN_NUMBER =
      Comparator.comparing(Revision::date).thenComparing(Revision::number);

  /**
   * CSAF 2.0 §6.1.14 Sorted Revision History: when the revision history is sorted ascending by date,
   * the numbers are ascending too.
   */
  static void sortedRevisionHistory(CsafDocument document, Findings findings) {
    List<Revision> sorted = sortedRevisions(document);
    for (int index = 1; index < sorted.size(); index++) {
      Revision previous = sorted.get(index - 1);
      Revision current = sorted.get(index);
      if (current.number().compareTo(previous.number()) < 0) {
        findings.add(
            "6.1.14",
            current.item().field("number"),
            "revision " + current.number() + " is dated " + current.date() + ", after revision "
                + previous.number() + " (" + previous.date() + ") which has a higher number");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.16 Latest Document Version: {@code /document/tracking/version} equals the number of
   * the last revision when sorted by date, ignoring build metadata, and ignoring the pre-release part
   * when the document is a draft.
   */
  static void latestDocumentVersion(CsafDocument document, Findings findings) {
    Located tracking = document.document().field("tracking");
    VersionNumber version = VersionNumber.parse(tracking.text("version"));
    List<Revision> sorted = sortedRevisions(document);
    if (version == null || sorted.isEmpty()) {
      return;
    }
    boolean draft = "draft".equals(tracking.text("status"));
    VersionNumber latest = sorted.get(sorted.size() - 1).number();
    if (!version.core(draft).equals(latest.core(draft))) {
      findings.add(
          "6.1.16",
          tracking.field("version"),
          "document version is " + version + " but the latest revision (by date) is " + latest);
    }
  }

  /**
   * CSAF 2.0 §6.1.17 Document Status Draft: a document whose version is {@code 0}, {@code 0.y.z} or
   * has a pre-release part has status {@code draft}.
   */
  static void documentStatusDraft(CsafDocument document, Findings findings) {
    Located tracking = document.document().field("tracking");
    VersionNumber version = VersionNumber.parse(tracking.text("version"));
    String status = tracking.text("status");
    if (version != null && status != null && !"draft".equals(status)
        && (version.isZero() || version.hasPreRelease())) {
      findings.add(
          "6.1.17",
          tracking.field("status"),
          "status is '" + status + "' but version " + version + " is a draft version");
    }
  }

  /**
   * CSAF 2.0 §6.1.18 Released Revision History: a document with status {@code final} or {@code
   * interim} has no revision numbered {@code 0} or {@code 0.y.z}.
   */
  static void releasedRevisionHistory(CsafDocument document, Findings findings) {
    String status = document.document().field("tracking").text("status");
    if (!"final".equals(status) && !"interim".equals(status)) {
      return;
    }
    for (Located item : revisionItems(document)) {
      VersionNumber number = VersionNumber.parse(item.text("number"));
      if (number != null && number.isZero()) {
        findings.add(
            "6.1.18", item.field("number"), "status is '" + status + "' but the history holds draft revision " + number);
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.19 Revision History Entries for Pre-release Versions: no revision number has a
   * pre-release part.
   */
  static void preReleaseRevisions(CsafDocument document, Findings findings) {
    for (Located item : revisionItems(document)) {
      VersionNumber number = VersionNumber.parse(item.text("number"));
      if (number != null && number.hasPreRelease()) {
        findings.add("6.1.19", item.field("number"), "revision " + number + " is a pre-release");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.20 Non-draft Document Version: a document with status {@code final} or {@code
   * interim} has a version without pre-release part.
   */
  static void nonDraftDocumentVersion(CsafDocument document, Findings findings) {
    Located tracking = document.document().field("tracking");
    String status = tracking.text("status");
    VersionNumber version = VersionNumber.parse(tracking.text("version"));
    if (version != null && version.hasPreRelease() && ("final".equals(status) || "interim".equals(status))) {
      findings.add(
          "6.1.20",
          tracking.field("version"),
          "status is '" + status + "' but version " + version + " has a pre-release part");
    }
  }

  /**
   * CSAF 2.0 §6.1.21 Missing Item in Revision History: the revision history omits no version number
   * (for semantic versioning, no major version) and starts at 0 or 1. Gaps are looked for in the set
   * of numbers, so that an item out of date order (reported by §6.1.14) is not also called missing.
   */
  static void missingRevision(CsafDocument document, Findings findings) {
    TreeSet<BigInteger> majors = new TreeSet<>();
    for (Located item : revisionItems(document)) {
      VersionNumber number = VersionNumber.parse(item.text("number"));
      if (number != null) {
        majors.add(number.major());
      }
    }
    if (majors.isEmpty()) {
      return;
    }
    String where = document.document().field("tracking").field("revision_history").path();
    if (majors.first().compareTo(BigInteger.ONE) > 0) {
      findings.add("6.1.21", where, "the revision history starts at version " + majors.first() + ", not 0 or 1");
    }
    BigInteger previous = null;
    for (BigInteger major : majors) {
      if (previous != null && major.subtract(previous).compareTo(BigInteger.ONE) > 0) {
        BigInteger from = previous.add(BigInteger.ONE);
        BigInteger to = major.subtract(BigInteger.ONE);
        findings.add(
            "6.1.21",
            where,
            from.equals(to)
                ? "the revision history has no item for version " + from
                : "the revision history has no items for versions " + from + " to " + to);
      }
      previous = major;
    }
  }

  /**
   * CSAF 2.0 §6.1.22 Multiple Definition in Revision History: no two revisions carry the same number.
   */
  static void multipleRevisionDefinition(CsafDocument document, Findings findings) {
    Map<String, String> firstUse = new HashMap<>();
    for (Located item : revisionItems(document)) {
      Located number = item.field("number");
      if (number.text() != null) {
        String first = firstUse.putIfAbsent(number.text(), number.path());
        if (first != null) {
          findings.add("6.1.22", number, "revision number " + number.text() + " is already used at " + first);
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.30 Mixed Integer and Semantic Versioning: the document version and every revision
   * number use the same scheme. Elements are measured against the document version (or, when that
   * cannot be read, the first revision).
   */
  static void mixedVersioning(CsafDocument document, Findings findings) {
    Located version = document.document().field("tracking").field("version");
    List<Located> elements = new ArrayList<>();
    elements.add(version);
    for (Located item : revisionItems(document)) {
      elements.add(item.field("number"));
    }
    Boolean integer = null;
    String reference = null;
    for (Located element : elements) {
      VersionNumber number = VersionNumber.parse(element.text());
      if (number == null) {
        continue;
      }
      if (integer == null) {
        integer = number.integer();
        reference = element.path();
      } else if (integer != number.integer()) {
        findings.add(
            "6.1.30",
            element,
            number + " uses " + scheme(number.integer()) + " but " + reference + " uses " + scheme(integer));
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.4 Build Metadata in Revision History (optional): no revision {@code number} carries
   * SemVer build metadata (a {@code +} part).
   */
  static void buildMetadataInRevisionHistory(CsafDocument document, Findings findings) {
    for (Located item : revisionItems(document)) {
      VersionNumber number = VersionNumber.parse(item.text("number"));
      if (number != null && !number.build().isEmpty()) {
        findings.add(
            "6.2.4", item.field("number"), "revision " + number + " includes the build metadata '+" + number.build() + "'");
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.5 Older Initial Release Date than Revision History (optional): {@code
   * /document/tracking/initial_release_date} is not older than the date of the oldest revision.
   * Dates compare as instants.
   */
  static void olderInitialReleaseDate(CsafDocument document, Findings findings) {
    Located tracking = document.document().field("tracking");
    Instant initial = instant(tracking.text("initial_release_date"));
    Located oldest = null;
    for (Located item : revisionItems(document)) {
      Instant date = instant(item.text("date"));
      if (date != null && (oldest == null || date.isBefore(instant(oldest.text("date"))))) {
        oldest = item;
      }
    }
    if (initial != null && oldest != null && initial.isBefore(instant(oldest.text("date")))) {
      findings.add(
          "6.2.5",
          tracking.field("initial_release_date"),
          "the initial release date " + tracking.text("initial_release_date") + " is older than the oldest revision ("
              + oldest.text("date") + ")");
    }
  }

  /**
   * CSAF 2.0 §6.2.6 Older Current Release Date than Revision History (optional): {@code
   * /document/tracking/current_release_date} is not older than the date of the newest revision.
   * Dates compare as instants.
   */
  static void olderCurrentReleaseDate(CsafDocument document, Findings findings) {
    Located tracking = document.document().field("tracking");
    Instant current = instant(tracking.text("current_release_date"));
    Located newest = null;
    for (Located item : revisionItems(document)) {
      Instant date = instant(item.text("date"));
      if (date != null && (newest == null || date.isAfter(instant(newest.text("date"))))) {
        newest = item;
      }
    }
    if (current != null && newest != null && current.isBefore(instant(newest.text("date")))) {
      findings.add(
          "6.2.6",
          tracking.field("current_release_date"),
          "the current release date " + tracking.text("current_release_date") + " is older than the newest revision ("
              + newest.text("date") + ")");
    }
  }

  private static String scheme(boolean integer) {
    return integer ? "integer versioning" : "semantic versioning";
  }

  private static List<Located> revisionItems(CsafDocument document) {
    return document.document().field("tracking").field("revision_history").items();
  }

  private static List<Revision> sortedRevisions(CsafDocument document) {
    List<Revision> revisions = new ArrayList<>();
    for (Located item : revisionItems(document)) {
      VersionNumber number = VersionNumber.parse(item.text("number"));
      Instant date = instant(item.text("date"));
      if (number != null && date != null) {
        revisions.add(new Revision(item, date, number));
      }
    }
    revisions.sort(BY_DATE_THEN_NUMBER);
    return revisions;
  }

  static Instant instant(String date) {
    if (date == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(date).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
