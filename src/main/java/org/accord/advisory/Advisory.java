package org.accord.advisory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A security advisory as Accord matches it: the vulnerability's identifiers, what it says, and the
 * package versions it affects. Read from OSV or CSAF 2.0 by {@link AdvisoryReader}; the original
 * document is kept verbatim in {@link #document()}, so fields Accord does not interpret ({@code
 * database_specific}, {@code ecosystem_specific}, {@code credits}, CSAF notes) survive import and an
 * OSV export of an OSV advisory is the document itself.
 *
 * <p>Immutable and thread-safe; nothing is null.
 *
 * @param id the advisory's id: OSV {@code id}, CSAF {@code document.tracking.id}
 * @param format the format it was read from ({@link AdvisoryFormat#OSV} or {@link AdvisoryFormat#CSAF})
 * @param summary a one-line summary (OSV {@code summary}, CSAF {@code document.title}); possibly empty
 * @param details the longer description; possibly empty
 * @param aliases other ids of the same vulnerability (OSV {@code aliases}; CSAF CVE and other ids),
 *     without {@code id}, in document order
 * @param published when it was first published, if stated
 * @param modified when it was last modified, if stated
 * @param withdrawn when it was withdrawn; a withdrawn advisory matches nothing
 * @param severities the severities it states
 * @param references its references
 * @param affected the affected packages, in document order
 * @param document the original document, as UTF-8 text
 */
public record Advisory(
    String id,
    AdvisoryFormat format,
    String summary,
    String details,
    List<String> aliases,
    Optional<Instant> published,
    Optional<Instant> modified,
    Optional<Instant> withdrawn,
    List<SeverityScore> severities,
    List<Reference> references,
    List<AffectedPackage> affected,
    String document) {

  public Advisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(details, "details");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(withdrawn, "withdrawn");
    severities = List.copyOf(severities);
    references = List.copyOf(references);
    affected = List.copyOf(affected);
    Objects.requireNonNull(document, "document");
  }

  /** The id and the aliases: every name this vulnerability goes by. */
  public List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    names.add(id);
    names.addAll(aliases);
    return List.copyOf(names);
  }

  /** The CVE ids among {@link #names()}, upper case, in order. */
  public List<String> cves() {
    List<String> cves = new ArrayList<>();
    for (String name : names()) {
      String upper = name.strip().toUpperCase(Locale.ROOT);
      if (upper.matches("CVE-\\d{4}-\\d{4,}") && !cves.contains(upper)) {
        cves.add(upper);
      }
    }
    return cves;
  }

  /** The URLs of references that demonstrate exploitation (see {@link Reference#exploit()}). */
  public List<String> exploitReferences() {
    List<String> urls = new ArrayList<>();
    for (Reference reference : references) {
      if (reference.exploit() && !urls.contains(reference.url())) {
        urls.add(reference.url());
      }
    }
    return urls;
  }

  /** Whether it is withdrawn. */
  public boolean isWithdrawn() {
    return withdrawn.isPresent();
  }
}
