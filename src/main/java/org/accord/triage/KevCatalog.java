package org.accord.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * The CISA Known Exploited Vulnerabilities (KEV) catalog: every CVE CISA has evidence of being
 * exploited in the wild, with the catalog's version and release time.
 *
 * <p>Immutable and thread-safe.
 */
public final class KevCatalog {

  /** Upper bound on the catalog's size; the 2025 catalog is 1.3 MB. */
  private static final long MAX_BYTES = 64L << 20;

  /**
   * One catalog entry, as the KEV JSON schema defines it.
   *
   * @param cveId the CVE id
   * @param vendorProject the vendor or project
   * @param product the product
   * @param vulnerabilityName CISA's name for the vulnerability
   * @param dateAdded when CISA added it to the catalog
   * @param shortDescription a short description
   * @param requiredAction what federal agencies must do
   * @param dueDate when they must have done it
   * @param knownRansomwareCampaignUse whether CISA knows of ransomware campaigns using it
   * @param notes free-text notes, often reference URLs; possibly empty
   * @param cwes the CWE ids; possibly empty
   */
  public record Entry(
      String cveId,
      String vendorProject,
      String product,
      String vulnerabilityName,
      LocalDate dateAdded,
      String shortDescription,
      String requiredAction,
      LocalDate dueDate,
      boolean knownRansomwareCampaignUse,
      String notes,
      List<String> cwes) {

    public Entry {
      Objects.requireNonNull(cveId, "cveId");
      Objects.requireNonNull(vendorProject, "vendorProject");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(vulnerabilityName, "vulnerabilityName");
      Objects.requireNonNull(dateAdded, "dateAdded");
      Objects.requireNonNull(shortDescription, "shortDescription");
      Objects.requireNonNull(requiredAction, "requiredAction");
      Objects.requireNonNull(dueDate, "dueDate");
      notes = notes == null ? "" : notes;
      cwes = List.copyOf(cwes);
    }
  }

  private final Provenance provenance;
  private final List<Entry> entries;
  private final Map<String, Entry> byCve;

  private KevCatalog(Provenance provenance, List<Entry> entries) {
    this.provenance = provenance;
    this.entries = List.copyOf(entries);
    Map<String, Entry> index = new HashMap<>();
    for (Entry entry : entries) {
      index.put(entry.cveId(), entry);
    }
    this.byCve = Map.copyOf(index);
  }

  /** The catalog version ({@code catalogVersion}) and release time ({@code dateReleased}). */
  public Provenance provenance() {
    return provenance;
  }

  /** Every entry, in catalog order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entry for a CVE id (exact, upper-case form), or empty when the catalog does not list it. */
  public Optional<Entry> find(String cveId) {
    return Optional.ofNullable(byCve.get(cveId));
  }

  /**
   * Reads the catalog's JSON feed ({@code known_exploited_vulnerabilities.json}). Does not close the
   * stream.
   *
   * @throws InvalidInputException when the document is not valid KEV JSON: malformed JSON, a missing or
   *     malformed required field, a duplicated CVE, or a {@code count} that disagrees with the entries;
   *     the location is a JSON path such as {@code $.vulnerabilities[12].dateAdded}
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static KevCatalog read(InputStream in) {
    Objects.requireNonNull(in, "in");
    JsonNode root;
    try {
      java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(FeedInput.bounded(in, MAX_BYTES, "KEV catalog"));
      buffered.mark(512);
      String head = new String(buffered.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      buffered.reset();
      if (head.isBlank()) {
        throw new InvalidInputException("the KEV catalog is empty; expected the JSON feed known_exploited_vulnerabilities.json", "");
      }
      if (!head.stripLeading().startsWith("{") && !head.stripLeading().startsWith("[")) {
        throw new InvalidInputException(
            "not the KEV catalog's JSON feed (known_exploited_vulnerabilities.json): this is "
                + FeedInput.lookOf(head.lines().findFirst().orElse("")),
            "line 1");
      }
      root = FeedInput.JSON_DOCUMENT.readTree(buffered);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the KEV catalog is not valid JSON: " + FeedInput.problem(e), FeedInput.where(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("the KEV catalog must be a JSON object", "$");
    }
    if (!root.has("catalogVersion") && !root.has("vulnerabilities")) {
      List<String> members = new ArrayList<>();
      root.fieldNames().forEachRemaining(members::add);
      throw new InvalidInputException(
          "not a KEV catalog: it has no catalogVersion and no vulnerabilities (its members: "
              + String.join(", ", members.subList(0, Math.min(8, members.size()))) + (members.size() > 8 ? ", …" : "") + ")",
          "$");
    }
    String version = text(root, "catalogVersion", "$");
    Instant released = FeedInput.timestamp(text(root, "dateReleased", "$"), "$.dateReleased");
    JsonNode count = root.get("count");
    if (count == null || !count.isIntegralNumber()) {
      throw new InvalidInputException("count must be an integer", "$.count");
    }
    JsonNode vulnerabilities = root.get("vulnerabilities");
    if (vulnerabilities == null || !vulnerabilities.isArray()) {
      throw new InvalidInputException("vulnerabilities must be an array", "$.vulnerabilities");
    }
    List<Entry> entries = new ArrayList<>(vulnerabilities.size());
    Map<String, Integer> seen = new HashMap<>();
    Iterator<JsonNode> items = vulnerabilities.elements();
    for (int i = 0; items.hasNext(); i++) {
      JsonNode item = items.next();
      String at = "$.vulnerabilities[" + i + "]";
      if (!item.isObject()) {
        throw new InvalidInputException("each vulnerability must be a JSON object", at);
      }
      Entry entry = entry(item, at);
      Integer earlier = seen.putIfAbsent(entry.cveId(), i);
      if (earlier != null) {
        throw new InvalidInputException(
            entry.cveId() + " is listed twice (also at $.vulnerabilities[" + earlier + "])", at + ".cveID");
      }
      entries.add(entry);
    }
    if (count.asLong() != entries.size()) {
      throw new InvalidInputException(
          "count says " + count.asLong() + " but the catalog lists " + entries.size() + " vulnerabilities", "$.count");
    }
    return new KevCatalog(new Provenance(Provenance.KEV, version, released), entries);
  }

  private static Entry entry(JsonNode item, String at) {
    String cve = FeedInput.cve(text(item, "cveID", at), at + ".cveID");
    String ransomware = optionalText(item, "knownRansomwareCampaignUse", at);
    boolean known;
    if (ransomware.isEmpty() || ransomware.equals("Unknown")) {
      known = false;
    } else if (ransomware.equals("Known")) {
      known = true;
    } else {
      throw new InvalidInputException(
          "knownRansomwareCampaignUse must be Known or Unknown, not '" + ransomware + "'",
          at + ".knownRansomwareCampaignUse");
    }
    List<String> cwes = new ArrayList<>();
    JsonNode cweNode = item.get("cwes");
    if (cweNode != null && !cweNode.isNull()) {
      if (!cweNode.isArray()) {
        throw new InvalidInputException("cwes must be an array of strings", at + ".cwes");
      }
      for (int c = 0; c < cweNode.size(); c++) {
        if (!cweNode.get(c).isTextual()) {
          throw new InvalidInputException("cwes must be an array of strings", at + ".cwes[" + c + "]");
        }
        cwes.add(cweNode.get(c).asText());
      }
    }
    return new Entry(
        cve,
        text(item, "vendorProject", at),
        text(item, "product", at),
        text(item, "vulnerabilityName", at),
        FeedInput.date(text(item, "dateAdded", at), at + ".dateAdded"),
        text(item, "shortDescription", at),
        text(item, "requiredAction", at),
        FeedInput.date(text(item, "dueDate", at), at + ".dueDate"),
        known,
        optionalText(item, "notes", at),
        cwes);
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidInputException(field + " is required", at + "." + field);
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(field + " must be a string", at + "." + field);
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(field + " must be a string", at + "." + field);
    }
    return value.asText();
  }
}
