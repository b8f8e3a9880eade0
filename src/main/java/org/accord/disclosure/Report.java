package org.accord.disclosure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * A vulnerability report as submitted, before anyone has judged it: what it is about, which package
 * versions it affects, how severe the reporter thinks it is, the embargo the reporter proposes, and how
 * the reporter wants to be credited. {@link ReportReader} builds one from a JSON or Markdown body.
 * Immutable and thread-safe; nothing is null.
 *
 * <p>The CVSS vector is checked here for its shape only (a {@code CVSS:3.0/}, {@code CVSS:3.1/} or
 * {@code CVSS:4.0/} prefix, or a v2 {@code AV:} vector, of metric letters, digits, colons and slashes):
 * the full parser is the triage core's, which this core may not import, so the application edge parses
 * it with {@code triage.Cvss} before anything is stored (ADR 0103).
 *
 * @param title one line, 1 to {@link #MAX_TITLE_CHARS} characters
 * @param description 1 to {@link #MAX_DESCRIPTION_CHARS} characters
 * @param affected 1 to {@link #MAX_PACKAGES} packages, each listed once
 * @param cvssVector the reporter's CVSS vector, if given
 * @param embargo the embargo the reporter proposes, if any
 * @param credit how the reporter wants to be credited
 */
public record Report(
    String title,
    String description,
    List<ReportedPackage> affected,
    Optional<String> cvssVector,
    Optional<EmbargoTerms> embargo,
    Credit credit) {
  public static final int MAX_TITLE_CHARS = 200;
  public static final int MAX_DESCRIPTION_CHARS = 32_000;
  public static final int MAX_PACKAGES = 100;
  public static final int MAX_CVSS_CHARS = 200;
  private static final Pattern CVSS_SHAPE =
      Pattern.compile("(CVSS:(3\\.0|3\\.1|4\\.0)/|(?=AV:))[A-Za-z]+:[A-Za-z0-9]+(/[A-Za-z]+:[A-Za-z0-9]+)*");

  /** @throws InvalidInputException naming the field: {@code title}, {@code description}, {@code affected}, {@code cvss} */
  public Report {
    title = requireTitle(title);
    description = requireDescription(description);
    Objects.requireNonNull(affected, "affected");
    if (affected.isEmpty()) {
      throw new InvalidInputException("a report names at least one affected package", "affected");
    }
    if (affected.size() > MAX_PACKAGES) {
      throw new InvalidInputException("a report names at most " + MAX_PACKAGES + " packages, not " + affected.size(),
          "affected");
    }
    if (affected.stream().map(p -> p.purl().canonical()).distinct().count() < affected.size()) {
      throw new InvalidInputException("a package is listed twice; give its versions as one range", "affected");
    }
    affected = List.copyOf(affected);
    cvssVector = Objects.requireNonNull(cvssVector, "cvssVector").map(Report::requireCvssShape);
    Objects.requireNonNull(embargo, "embargo");
    Objects.requireNonNull(credit, "credit");
  }

  static String requireTitle(String title) {
    String text = title == null ? "" : title.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("the title is missing", "title");
    }
    if (text.length() > MAX_TITLE_CHARS) {
      throw new InvalidInputException("the title has " + text.length() + " characters; at most " + MAX_TITLE_CHARS,
          "title");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("the title is one line without control characters", "title");
    }
    return text;
  }

  static String requireDescription(String description) {
    String text = description == null ? "" : description.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("the description is missing", "description");
    }
    if (text.length() > MAX_DESCRIPTION_CHARS) {
      throw new InvalidInputException("the description has " + text.length() + " characters; at most "
          + MAX_DESCRIPTION_CHARS, "description");
    }
    return text;
  }

  static String requireCvssShape(String vector) {
    String text = vector.strip();
    if (text.length() > MAX_CVSS_CHARS || !CVSS_SHAPE.matcher(text).matches()) {
      String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
      throw new InvalidInputException("'" + shown + "' is not a CVSS vector (as in "
          + "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)", "cvss");
    }
    return text;
  }
}
