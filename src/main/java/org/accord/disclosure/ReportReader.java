package org.accord.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.accord.InvalidInputException;
import org.accord.disclosure.JsonText.Node;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.Purl;
import org.accord.identity.RangeNotation;
import org.accord.identity.VersionRange;

/**
 * Reads a report body, JSON or Markdown, into a {@link Report}, or refuses it with the line and field
 * at fault. A body is at most {@link #MAX_BYTES} of UTF-8; a body whose first non-blank character is
 * {@code {} is JSON, any other is Markdown. Stateless and thread-safe.
 *
 * <p>JSON: an object with {@code title}, {@code description}, {@code affected} (an array of {@code
 * {"purl": ..., "range": ...}} or {@code {"purl": ..., "events": [{"introduced": "2.0"}, {"fixed":
 * "2.3.4"}]}}), and optionally {@code cvss}, {@code embargo} ({@code {"end": ..., "justification":
 * ...}}) and {@code credit} ({@code {"preference": "named", "name": ...}}). Unknown keys are refused.
 *
 * <p>Markdown, line by line:
 *
 * <pre>
 * # Title on one line
 * The description: every line up to the first level-2 heading (### and deeper are description).
 * ## Affected
 * - pkg:maven/org.libra/libracore [2.0,2.3.4)
 * - pkg:npm/left-pad vers:npm/&gt;=1.0.0|&lt;1.3.0
 * - pkg:pypi/libra introduced=2.0 fixed=2.3.4
 * - pkg:cargo/libra@2.1.0
 * ## CVSS
 * CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
 * ## Embargo
 * 2027-03-01T16:00:00Z
 * Any further lines are the justification (needed beyond 90 days).
 * ## Credit
 * named: Ada Lovelace        (or: anonymous, or: none)
 * </pre>
 *
 * <p>A range is anything {@link RangeNotation} reads for the package's ecosystem ({@code vers:},
 * intervals, native comparators); OSV events are {@code kind=version} pairs. Headings are
 * case-insensitive; {@code ## Description} may also open the description; an unknown or repeated
 * level-2 heading is refused, and headings inside fenced code blocks are text. An embargo end is an
 * instant with its offset ({@code Z} or {@code +01:00}); a date alone is refused, since it does not say
 * when the embargo ends, and the end is checked by {@link EmbargoRules#check} at {@code now}.
 */
public final class ReportReader {
  /** The largest body accepted, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Set<String> SECTIONS = Set.of("description", "affected", "cvss", "embargo", "credit");
  private static final Set<String> TOP_KEYS = Set.of("title", "description", "affected", "cvss", "embargo", "credit");

  private ReportReader() {}

  /**
   * Reads a body as submitted.
   *
   * @param body the bytes, UTF-8
   * @param now the moment the embargo end is checked against
   * @throws InvalidInputException naming line and field, or {@code body} for a body too large, empty or
   *     not UTF-8
   */
  public static Report read(byte[] body, Instant now) {
    if (body.length > MAX_BYTES) {
      throw new InvalidInputException("the report has " + body.length + " bytes; at most " + MAX_BYTES + " are accepted",
          "body");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("the report is not UTF-8 text", "body");
    }
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
      text = text.substring(text.indexOf('\uFEFF') + 1);
    }
    if (start.isEmpty()) {
      throw new InvalidInputException("the report is empty", "body");
    }
    return start.startsWith("{") ? readJson(text, now) : readMarkdown(text, now);
  }

  // ------------------------------------------------------------------------------------------ JSON

  /** Reads a JSON body; see the class comment. */
  public static Report readJson(String text, Instant now) {
    Node root = JsonText.parse(text);
    Map<String, Node> top = object(root, "report");
    for (String key : top.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        throw refuse(top.get(key).line(), key, "unknown field; accepted: " + String.join(", ", sorted(TOP_KEYS)));
      }
    }
    String title = at(line(top, "title", root), "title", () -> Report.requireTitle(string(top, "title", true)));
    String description = at(line(top, "description", root), "description",
        () -> Report.requireDescription(string(top, "description", true)));
    Node affectedNode = top.get("affected");
    if (affectedNode == null || !(affectedNode.value() instanceof List<?>)) {
      throw refuse(line(top, "affected", root), "affected", "an array of packages is required");
    }
    List<ReportedPackage> affected = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Node> items = (List<Node>) affectedNode.value();
    for (int n = 0; n < items.size(); n++) {
      affected.add(jsonPackage(items.get(n), "affected[" + n + "]"));
    }
    Optional<String> cvss = Optional.ofNullable(top.get("cvss")).map(node ->
        at(node.line(), "cvss", () -> Report.requireCvssShape(string(top, "cvss", true))));
    Optional<EmbargoTerms> embargo = Optional.ofNullable(top.get("embargo")).map(node -> jsonEmbargo(node, now));
    Credit credit = Optional.ofNullable(top.get("credit")).map(ReportReader::jsonCredit).orElse(Credit.anonymous());
    return at(affectedNode.line(), "affected", () -> new Report(title, description, affected, cvss, embargo, credit));
  }

  private static ReportedPackage jsonPackage(Node node, String field) {
    Map<String, Node> members = object(node, field);
    for (String key : members.keySet()) {
      if (!Set.of("purl", "range", "events").contains(key)) {
        throw refuse(members.get(key).line(), field + "." + key, "unknown field; accepted: purl, range, events");
      }
    }
    int line = node.line();
    String purlText = at(line(members, "purl", node), field + ".purl", () -> string(members, "purl", true));
    Node rangeNode = members.get("range");
    Node eventsNode = members.get("events");
    if (rangeNode != null && eventsNode != null) {
      throw refuse(line, field, "give either a range or OSV events, not both");
    }
    if (eventsNode == null) {
      String range = rangeNode == null ? "" : at(rangeNode.line(), field + ".range", () -> string(members, "range", true));
      return pkg(line(members, "purl", node), field, purlText, range, rangeNode == null ? field + ".purl" : field + ".range");
    }
    if (!(eventsNode.value() instanceof List<?>)) {
      throw refuse(eventsNode.line(), field + ".events", "an array of OSV events is required");
    }
    List<OsvEvent> events = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Node> list = (List<Node>) eventsNode.value();
    for (int n = 0; n < list.size(); n++) {
      String eventField = field + ".events[" + n + "]";
      Map<String, Node> event = object(list.get(n), eventField);
      if (event.size() != 1) {
        throw refuse(list.get(n).line(), eventField, "an OSV event has exactly one of introduced, fixed, last_affected, limit");
      }
      Map.Entry<String, Node> only = event.entrySet().iterator().next();
      String version = at(only.getValue().line(), eventField, () -> string(event, only.getKey(), true));
      events.add(event(only.getValue().line(), eventField, only.getKey(), version));
    }
    Purl purl = purl(line, field + ".purl", purlText);
    return new ReportedPackage(purl, osvRange(eventsNode.line(), field + ".events", purl, events));
  }

  private static EmbargoTerms jsonEmbargo(Node node, Instant now) {
    Map<String, Node> members = object(node, "embargo");
    for (String key : members.keySet()) {
      if (!Set.of("end", "justification").contains(key)) {
        throw refuse(members.get(key).line(), "embargo." + key, "unknown field; accepted: end, justification");
      }
    }
    int endLine = line(members, "end", node);
    Instant end = instant(endLine, at(endLine, "embargo.end", () -> string(members, "end", true)));
    Optional<String> justification = Optional.ofNullable(members.get("justification"))
        .map(j -> at(j.line(), "embargo.justification", () -> string(members, "justification", true)));
    return embargo(endLine, end, justification, now);
  }

  private static Credit jsonCredit(Node node) {
    Map<String, Node> members = object(node, "credit");
    for (String key : members.keySet()) {
      if (!Set.of("preference", "name").contains(key)) {
        throw refuse(members.get(key).line(), "credit." + key, "unknown field; accepted: preference, name");
      }
    }
    int line = line(members, "preference", node);
    Credit.Preference preference = at(line, "credit.preference",
        () -> Credit.Preference.parse(string(members, "preference", true)));
    Optional<String> name = Optional.ofNullable(members.get("name")).map(n -> at(n.line(), "credit.name",
        () -> string(members, "name", true)));
    return at(line, "credit.name", () -> new Credit(preference, name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Node> object(Node node, String field) {
    if (!(node.value() instanceof Map<?, ?>)) {
      throw refuse(node.line(), field, "a JSON object is required");
    }
    return (Map<String, Node>) node.value();
  }

  private static String string(Map<String, Node> members, String key, boolean required) {
    Node node = members.get(key);
    if (node == null) {
      if (required) {
        throw new InvalidInputException("the field is required");
      }
      return "";
    }
    if (!(node.value() instanceof String text)) {
      throw new InvalidInputException("a string is required, not " + node.value());
    }
    return text;
  }

  private static int line(Map<String, Node> members, String key, Node parent) {
    Node node = members.get(key);
    return node == null ? parent.line() : node.line();
  }

  // ------------------------------------------------------------------------------------------ Markdown

  /** Reads a Markdown body; see the class comment. */
  public static Report readMarkdown(String text, Instant now) {
    String[] lines = text.split("\r?\n", -1);
    int n = 0;
    while (n < lines.length && lines[n].isBlank()) {
      n++;
    }
    if (n >= lines.length || !lines[n].startsWith("# ")) {
      throw refuse(Math.min(n, lines.length - 1) + 1, "title", "a Markdown report starts with '# ' and the title");
    }
    int titleLine = n + 1;
    String title = at(titleLine, "title", () -> Report.requireTitle(lines[titleLine - 1].substring(2)));
    Map<String, List<String>> sections = new LinkedHashMap<>();
    Map<String, Integer> sectionLines = new LinkedHashMap<>();
    String current = "description";
    sections.put(current, new ArrayList<>());
    sectionLines.put(current, titleLine + 1);
    String fence = null;
    for (int i = titleLine; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (fence != null) {
        fence = stripped.startsWith(fence) ? null : fence;
      } else if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        fence = stripped.substring(0, 3);
      } else if (line.startsWith("## ") || line.equals("##")) {
        String name = line.substring(2).strip().toLowerCase(Locale.ROOT);
        if (!SECTIONS.contains(name)) {
          throw refuse(i + 1, "heading", "unknown section '" + line.substring(2).strip() + "'; accepted: Description, "
              + "Affected, CVSS, Embargo, Credit (use ### inside the description)");
        }
        boolean descriptionSoFar = name.equals("description") && sections.size() == 1
            && sections.get("description").stream().allMatch(String::isBlank);
        if (sections.containsKey(name) && !descriptionSoFar) {
          throw refuse(i + 1, name, "the section appears twice");
        }
        current = name;
        sections.put(current, new ArrayList<>());
        sectionLines.put(current, i + 2);
        continue;
      }
      sections.get(current).add(line);
    }
    String description = at(sectionLines.get("description"), "description",
        () -> Report.requireDescription(String.join("\n", sections.get("description"))));
    if (!sections.containsKey("affected")) {
      throw refuse(lines.length, "affected", "the '## Affected' section is missing");
    }
    List<ReportedPackage> affected = new ArrayList<>();
    int first = sectionLines.get("affected");
    List<String> affectedLines = sections.get("affected");
    for (int i = 0; i < affectedLines.size(); i++) {
      String line = affectedLines.get(i).strip();
      if (!line.isEmpty()) {
        affected.add(markdownPackage(first + i, line));
      }
    }
    Optional<String> cvss = single(sections, sectionLines, "cvss").map(entry ->
        at(entry.getKey(), "cvss", () -> Report.requireCvssShape(entry.getValue())));
    Optional<EmbargoTerms> embargo = markdownEmbargo(sections, sectionLines, now);
    Credit credit = single(sections, sectionLines, "credit").map(entry -> markdownCredit(entry.getKey(), entry.getValue()))
        .orElse(Credit.anonymous());
    return at(first - 1, "affected", () -> new Report(title, description, affected, cvss, embargo, credit));
  }

  private static ReportedPackage markdownPackage(int line, String text) {
    if (!text.startsWith("- ") && !text.startsWith("* ")) {
      throw refuse(line, "affected", "each package is a list item: '- PURL RANGE'");
    }
    String item = text.substring(2).strip();
    int space = item.indexOf(' ');
    String purlText = space < 0 ? item : item.substring(0, space);
    String rest = space < 0 ? "" : item.substring(space + 1).strip();
    if (rest.matches("(introduced|fixed|last_affected|limit)=.*")) {
      List<OsvEvent> events = new ArrayList<>();
      for (String pair : rest.split("[,\\s]+")) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw refuse(line, "affected", "'" + pair + "' is not an OSV event; write kind=version, as in fixed=2.3.4");
        }
        events.add(event(line, "affected", pair.substring(0, equals), pair.substring(equals + 1)));
      }
      Purl purl = purl(line, "affected", purlText);
      return new ReportedPackage(purl, osvRange(line, "affected", purl, events));
    }
    return pkg(line, "affected", purlText, rest, "affected");
  }

  private static Optional<EmbargoTerms> markdownEmbargo(
      Map<String, List<String>> sections, Map<String, Integer> sectionLines, Instant now) {
    List<String> lines = sections.get("embargo");
    if (lines == null) {
      return Optional.empty();
    }
    int first = sectionLines.get("embargo");
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i == lines.size()) {
      throw refuse(first, "embargo.end", "the section gives no end; write an instant such as 2027-03-01T16:00:00Z");
    }
    int endLine = first + i;
    Instant end = instant(endLine, lines.get(i).strip());
    String rest = String.join("\n", lines.subList(i + 1, lines.size())).strip();
    return Optional.of(embargo(endLine, end, rest.isEmpty() ? Optional.empty() : Optional.of(rest), now));
  }

  private static Credit markdownCredit(int line, String text) {
    int colon = text.indexOf(':');
    String label = colon < 0 ? text : text.substring(0, colon);
    Credit.Preference preference = at(line, "credit", () -> Credit.Preference.parse(label));
    Optional<String> name = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1));
    return at(line, "credit.name", () -> new Credit(preference, name));
  }

  /** The one non-blank line of a section, with its line number; refused when there are several. */
  private static Optional<Map.Entry<Integer, String>> single(
      Map<String, List<String>> sections, Map<String, Integer> sectionLines, String name) {
    List<String> lines = sections.get(name);
    if (lines == null) {
      return Optional.empty();
    }
    Map.Entry<Integer, String> found = null;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        if (found != null) {
          throw refuse(sectionLines.get(name) + i, name, "the section has one line");
        }
        found = Map.entry(sectionLines.get(name) + i, lines.get(i).strip());
      }
    }
    if (found == null) {
      throw refuse(sectionLines.get(name), name, "the section is empty; leave it out, or fill it in");
    }
    return Optional.of(found);
  }

  // ------------------------------------------------------------------------------------------ shared

  private static ReportedPackage pkg(int line, String field, String purlText, String rangeText, String rangeField) {
    Purl purl = purl(line, field.endsWith("]") ? field + ".purl" : field, purlText);
    Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
    Purl bare = purl.withVersion("");
    if (purl.hasVersion()) {
      if (!rangeText.isEmpty()) {
        throw refuse(line, rangeField, "the PURL has a version and a range is given too; give one of them");
      }
      return new ReportedPackage(bare, at(line, rangeField,
          () -> VersionRange.exactly(ecosystem.scheme(), List.of(purl.version()))));
    }
    if (rangeText.isEmpty()) {
      throw refuse(line, rangeField, "the affected versions are missing: add a range, such as [2.0,2.3.4), or a version "
          + "to the PURL");
    }
    return new ReportedPackage(bare, at(line, rangeField, () -> RangeNotation.parse(ecosystem, rangeText)));
  }

  private static Purl purl(int line, String field, String text) {
    Purl purl = at(line, field, () -> Purl.parse(text));
    if (!text.strip().startsWith("pkg:")) {
      throw refuse(line, field, "a package is named by its PURL, as in pkg:maven/org.libra/libracore");
    }
    return purl;
  }

  private static OsvEvent event(int line, String field, String kind, String version) {
    return switch (kind) {
      case "introduced" -> OsvEvent.introduced(version);
      case "fixed" -> OsvEvent.fixed(version);
      case "last_affected" -> OsvEvent.lastAffected(version);
      case "limit" -> OsvEvent.limit(version);
      default -> throw refuse(line, field, "unknown OSV event '" + kind + "'; accepted: introduced, fixed, "
          + "last_affected, limit");
    };
  }

  private static VersionRange osvRange(int line, String field, Purl purl, List<OsvEvent> events) {
    if (purl.hasVersion()) {
      throw refuse(line, field, "the PURL has a version and OSV events are given too; give one of them");
    }
    return at(line, field, () -> VersionRange.fromOsvEvents(Ecosystem.fromPurlType(purl.type()), events));
  }

  private static Instant instant(int line, String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw refuse(line, "embargo.end", "'" + text.strip() + "' is not an instant with its offset; write a date, time "
          + "and zone offset, such as 2027-03-01T16:00:00Z or 2027-03-01T17:00:00+01:00");
    }
  }

  private static EmbargoTerms embargo(int line, Instant end, Optional<String> justification, Instant now) {
    EmbargoTerms terms = at(line, "embargo.justification", () -> new EmbargoTerms(end, justification));
    try {
      return EmbargoRules.check(terms, now);
    } catch (InvalidInputException e) {
      throw refuse(line, "embargo." + e.location(), e.getMessage());
    }
  }

  /** Runs {@code step}; an {@link InvalidInputException} it throws is given this line and field. */
  private static <T> T at(int line, String field, Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidInputException e) {
      throw refuse(line, field, e.getMessage());
    }
  }

  private static InvalidInputException refuse(int line, String field, String message) {
    return new InvalidInputException(message, "line " + line + ", field " + field);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
