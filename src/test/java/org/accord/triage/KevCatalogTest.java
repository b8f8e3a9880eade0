package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KevCatalogTest {

  static KevCatalog catalog;

  @BeforeAll
  static void readCatalog() throws IOException {
    try (InputStream in = Files.newInputStream(TestData.resolve("kev/known_exploited_vulnerabilities.json"))) {
      catalog = KevCatalog.read(in);
    }
  }

  @Test
  void readsTheWholeCatalogWithItsProvenance() {
    assertThat(catalog.entries()).hasSize(1404);
    assertThat(catalog.provenance())
        .isEqualTo(new Provenance(Provenance.KEV, "2025.08.25", Instant.parse("2025-08-25T17:04:19.9796Z")));
    KevCatalog.Entry log4shell = catalog.find("CVE-2021-44228").orElseThrow();
    assertThat(log4shell.vendorProject()).isEqualTo("Apache");
    assertThat(log4shell.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
    assertThat(log4shell.knownRansomwareCampaignUse()).isTrue();
    assertThat(catalog.find("CVE-1999-0001")).isEmpty();
    assertThat(catalog.entries().get(0).cwes()).containsExactly("CWE-59", "CWE-436");
  }

  /** The JSON and CSV editions of the catalog agree entry by entry (1404 cases in one pass). */
  @Test
  void agreesWithTheCsvEditionEntryByEntry() throws IOException {
    String csv = Files.readString(TestData.resolve("kev/known_exploited_vulnerabilities.csv"), StandardCharsets.UTF_8);
    List<List<String>> records = csvRecords(csv);
    assertThat(records.get(0))
        .containsExactly("cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded", "shortDescription",
            "requiredAction", "dueDate", "knownRansomwareCampaignUse", "notes", "cwes");
    List<List<String>> rows = records.subList(1, records.size());
    assertThat(rows).hasSize(catalog.entries().size());
    for (List<String> row : rows) {
      KevCatalog.Entry entry = catalog.find(row.get(0)).orElseThrow(() -> new AssertionError("JSON lacks " + row.get(0)));
      assertThat(entry.vendorProject()).as(row.get(0)).isEqualTo(row.get(1));
      assertThat(entry.product()).as(row.get(0)).isEqualTo(row.get(2));
      assertThat(entry.vulnerabilityName()).as(row.get(0)).isEqualTo(row.get(3));
      assertThat(entry.dateAdded()).as(row.get(0)).isEqualTo(LocalDate.parse(row.get(4)));
      assertThat(entry.dueDate()).as(row.get(0)).isEqualTo(LocalDate.parse(row.get(7)));
      assertThat(entry.knownRansomwareCampaignUse()).as(row.get(0)).isEqualTo(row.get(8).equals("Known"));
      List<String> cwes = row.get(10).isBlank() ? List.of() : Arrays.stream(row.get(10).split(",")).map(String::strip).toList();
      assertThat(entry.cwes()).as(row.get(0)).isEqualTo(cwes);
    }
  }

  static final String SMALL =
      """
      {"title": "t", "catalogVersion": "2025.01.02", "dateReleased": "2025-01-02T10:00:00.000Z", "count": 2,
       "vulnerabilities": [
        {"cveID": "CVE-2024-0001", "vendorProject": "V", "product": "P", "vulnerabilityName": "N",
         "dateAdded": "2025-01-01", "shortDescription": "d", "requiredAction": "a", "dueDate": "2025-01-22",
         "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []},
        {"cveID": "CVE-2024-0002", "vendorProject": "V", "product": "P", "vulnerabilityName": "N",
         "dateAdded": "2025-01-01", "shortDescription": "d", "requiredAction": "a", "dueDate": "2025-01-22"}
       ]}
      """;

  @Test
  void optionalFieldsMayBeAbsent() {
    KevCatalog small = read(SMALL);
    assertThat(small.entries()).hasSize(2);
    assertThat(small.find("CVE-2024-0002").orElseThrow().cwes()).isEmpty();
    assertThat(small.find("CVE-2024-0002").orElseThrow().knownRansomwareCampaignUse()).isFalse();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(SMALL.replace("\"count\": 2", "\"count\": 3"), "$.count", "count says 3 but the catalog lists 2"),
        Arguments.of(SMALL.replace("CVE-2024-0002", "CVE-2024-0001"), "$.vulnerabilities[1].cveID", "listed twice"),
        Arguments.of(SMALL.replace("\"2025-01-22\"}", "\"22/01/2025\"}"), "$.vulnerabilities[1].dueDate", "is not a date"),
        Arguments.of(SMALL.replace("CVE-2024-0002", "CVE-24-2"), "$.vulnerabilities[1].cveID", "is not a CVE id"),
        Arguments.of(SMALL.replaceFirst("(?s)(.*)\"product\": \"P\", ", "$1"), "$.vulnerabilities[1].product", "product is required"),
        Arguments.of(SMALL.replace("\"Unknown\"", "\"Maybe\""), "$.vulnerabilities[0].knownRansomwareCampaignUse", "Known or Unknown"),
        Arguments.of(SMALL.replace("\"catalogVersion\": \"2025.01.02\",", ""), "$.catalogVersion", "catalogVersion is required"),
        Arguments.of(SMALL.replace("2025-01-02T10:00:00.000Z", "yesterday"), "$.dateReleased", "not a date"),
        Arguments.of(SMALL + "{}", "line", "not valid JSON"),
        Arguments.of(SMALL.replace("\"title\": \"t\",", "\"title\": \"t\", \"title\": \"u\","), "line 1", "Duplicate field"),
        Arguments.of("[" + "[".repeat(100) + "]".repeat(100) + "]", "", "nesting depth"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesMalformedCatalogsNamingTheField(String document, String location, String message) {
    assertThatThrownBy(() -> read(document))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.location()).startsWith(location);
              assertThat(e.getMessage()).contains(message);
            });
  }

  static KevCatalog read(String document) {
    return KevCatalog.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
  }

  /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> csvRecords(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(cell.toString());
        cell.setLength(0);
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
          records.add(record);
        }
        record = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !record.isEmpty()) {
      record.add(cell.toString());
      records.add(record);
    }
    return records;
  }
}
