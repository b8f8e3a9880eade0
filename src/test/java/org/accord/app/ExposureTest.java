package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.exposure.WhereUsed;
import org.accord.testing.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where-used through the application layer: notes, ranges, paging, order, filter, totals, CSV, cache. */
class ExposureTest {
  static final String LIB = "pkg:maven/org.libra/libracore";

  @TempDir Path dir;
  Accord accord;

  /**
   * Twelve products p0..p11 (p0..p7 with libracore 2.1.0, p8..p11 with 2.5.0) and sites: energy/DE run
   * by three operators (shown to everyone), telecom/FR by three (shown), water/FR by AquaNet alone and
   * health/DE by two operators (both suppressed below k = 3).
   */
  @BeforeEach
  void world() {
    accord = Accord.open(new Accord.Config(dir, null));
    for (int p = 0; p < 12; p++) {
      ingestSbom("p" + p, p < 8 ? "2.1.0" : "2.5.0");
    }
    ingestInventory("""
        operator,site,sector,country,criticality,product
        GridCo,Hamburg,energy,DE,essential,pkg:generic/acme/p0@1.0
        VoltAG,Bremen,energy,DE,essential,pkg:generic/acme/p1@1.0
        PowerCo,Kiel,energy,DE,important,pkg:generic/acme/p2@1.0
        PowerCo,Lübeck,energy,DE,important,pkg:generic/acme/p8@1.0
        TelA,Paris,telecom,FR,essential,pkg:generic/acme/p3@1.0
        TelB,Lille,telecom,FR,other,pkg:generic/acme/p4@1.0
        TelC,Nantes,telecom,FR,other,pkg:generic/acme/p9@1.0
        AquaNet,Lyon,water,FR,important,pkg:generic/acme/p5@1.0
        MediCo,Berlin,health,DE,essential,pkg:generic/acme/p6@1.0
        CareCo,-Munich Annex,health,DE,essential,pkg:generic/acme/p7@1.0
        """);
  }

  @AfterEach
  void close() {
    accord.close();
  }

  /** {@code product -> adapter@V -> libracore@V}: one adapter version per libracore version, so paths do not cross. */
  private void ingestSbom(String product, String libraVersion) {
    String sbom = Documents.cycloneDx(product, libraVersion).replace("adapter@1.0", "adapter@" + libraVersion);
    accord.ingestSbom(new ByteArrayInputStream(sbom.getBytes(StandardCharsets.UTF_8)), org.accord.TestPrincipals.member(accord, "Acme"));
  }

  private void ingestInventory(String csv) {
    org.accord.TestPrincipals.ingestInventory(accord, csv);
  }

  private WhereUsedView ask(String range, WhereUsedQuery.Lists list, int limit, String cursor, String sort, String filter, Viewer viewer) {
    return accord.exposure().whereUsed(new WhereUsedQuery(LIB, range, list, limit, cursor, sort, filter), viewer);
  }

  static final Viewer COORDINATOR = Viewer.local(false);
  static final Viewer AQUANET = new Viewer("AquaNet", false, false, Viewer.DEFAULT_K);

  // ---- ranges and notes

  @Test
  void comparatorRangesMatchLikeIntervals() {
    WhereUsedView typed = accord.exposure().whereUsed(LIB, ">=2.0 <2.3.4", COORDINATOR);
    WhereUsedView bracketed = accord.exposure().whereUsed(LIB, "[2.0,2.3.4)", COORDINATOR);
    assertThat(typed.matched()).containsExactly(LIB + "@2.1.0");
    assertThat(typed.products()).hasSize(8);
    assertThat(typed.range()).isEqualTo("vers:maven/>=2.0|<2.3.4");
    assertThat(typed.products()).isEqualTo(bracketed.products());
    assertThat(accord.exposure().whereUsed(LIB, ">=2.0", COORDINATOR).matched()).hasSize(2);
    assertThat(typed.known()).isTrue();
    assertThat(typed.note()).isNull();
    assertThat(typed.suggestions()).isEmpty();
  }

  @Test
  void anUnknownPackageIsSaidSoWithSuggestions() {
    WhereUsedView view = accord.exposure().whereUsed("pkg:maven/org.libra/libracor", "[2.0,3)", COORDINATOR);
    assertThat(view.known()).isFalse();
    assertThat(view.suggestions()).first().isEqualTo(LIB);
    assertThat(view.suggestions()).hasSizeLessThanOrEqualTo(Exposure.SUGGESTIONS);
    assertThat(view.note()).isEqualTo(
        "Accord has no package pkg:maven/org.libra/libracor; did you mean " + String.join(", ", view.suggestions().subList(0, view.suggestions().size() - 1))
            + (view.suggestions().size() > 1 ? " or " : "") + view.suggestions().get(view.suggestions().size() - 1) + "?");
    assertThat(view.note()).startsWith("Accord has no package pkg:maven/org.libra/libracor; did you mean pkg:maven/org.libra/libracore");
    WhereUsedView nothingLikeIt = accord.exposure().whereUsed("pkg:cargo/zzqqxx", null, COORDINATOR);
    assertThat(nothingLikeIt.known()).isFalse();
    assertThat(nothingLikeIt.suggestions()).isEmpty();
    assertThat(nothingLikeIt.note()).contains("no package pkg:cargo/zzqqxx").contains("search the catalogue by name");
  }

  @Test
  void aKnownPackageOutsideTheRangeSaysHowManyVersionsAreKnown() {
    WhereUsedView view = accord.exposure().whereUsed(LIB, ">=3.0", COORDINATOR);
    assertThat(view.known()).isTrue();
    assertThat(view.matched()).isEmpty();
    assertThat(view.note()).isEqualTo(
        "No known version of " + LIB + " is in vers:maven/>=3.0: Accord knows 2 versions (2.1.0 to 2.5.0), none of them in it");
    WhereUsedView exact = accord.exposure().whereUsed(LIB + "@9.9", null, COORDINATOR);
    assertThat(exact.note()).contains("is in version 9.9").contains("2 versions");
  }

  @Test
  void badRangesAreRefusedNamingTheCharacter() {
    assertThatThrownBy(() -> accord.exposure().whereUsed(LIB, ">=2.0 && <3", COORDINATOR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'&' at position 7")
        .hasMessageContaining("accepted for maven:")
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("range");
  }

  // ---- paging, order, filter, totals

  @Test
  void pagesWalkTheWholeListInOrderWithTotals() {
    List<String> paged = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      WhereUsedView page = ask("", WhereUsedQuery.Lists.PRODUCTS, 5, cursor, "", "", COORDINATOR);
      assertThat(page.deployments()).as("only the products list").isNull();
      assertThat(page.totals().products()).isEqualTo(12);
      assertThat(page.totals().deployments()).isNull();
      assertThat(page.totals().matched()).isEqualTo(2);
      assertThat(page.cursors()).containsOnlyKeys("products");
      page.products().forEach(hit -> paged.add(hit.purl()));
      cursor = page.cursors().get("products");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    List<String> whole = accord.exposure().whereUsed(LIB, null, COORDINATOR).products().stream().map(WhereUsed.ProductHit::purl).toList();
    assertThat(paged).isEqualTo(whole).hasSize(12).doesNotHaveDuplicates();
    assertThat(whole).as("default order: depth, then purl").isSortedAccordingTo(String::compareToIgnoreCase);
  }

  @Test
  void withoutAListBothArePagedAndACursorPagesItsOwnList() {
    WhereUsedView first = ask("", WhereUsedQuery.Lists.BOTH, 4, "", "", "", COORDINATOR);
    assertThat(first.products()).hasSize(4);
    assertThat(first.deployments()).hasSize(4);
    assertThat(first.totals().deployments()).isEqualTo(10);
    assertThat(first.cursors()).containsOnlyKeys("products", "deployments");
    WhereUsedView next = ask("", WhereUsedQuery.Lists.BOTH, 4, first.cursors().get("deployments"), "", "", COORDINATOR);
    assertThat(next.products()).isNull();
    assertThat(next.deployments()).hasSize(4).doesNotContainAnyElementsOf(first.deployments());
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.PRODUCTS, 4, first.cursors().get("deployments"), "", "", COORDINATOR))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("pages deployments");
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.BOTH, 4, first.cursors().get("deployments"), "-site", "", COORDINATOR))
        .hasMessageContaining("another question");
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.BOTH, 4, "bm9wZQ", "", "", COORDINATOR))
        .hasMessageContaining("'bm9wZQ' is not a where-used cursor")
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("cursor");
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.BOTH, 0, first.cursors().get("deployments"), "", "", COORDINATOR))
        .hasMessageContaining("give limit too");
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.BOTH, 1001, "", "", "", COORDINATOR))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("limit");
  }

  @Test
  void sortAndFilterApplyToEachList() {
    WhereUsedView bySite = ask("", WhereUsedQuery.Lists.DEPLOYMENTS, 0, "", "-site", "", COORDINATOR);
    assertThat(bySite.deployments()).extracting(WhereUsed.DeploymentHit::site)
        .isSortedAccordingTo((a, b) -> b.compareToIgnoreCase(a));
    WhereUsedView energy = ask("", WhereUsedQuery.Lists.BOTH, 0, "", "operator", "ENERGY", COORDINATOR);
    assertThat(energy.deployments()).extracting(WhereUsed.DeploymentHit::operator).containsExactly("GridCo", "PowerCo", "PowerCo", "VoltAG");
    assertThat(energy.totals().deployments()).isEqualTo(4);
    assertThat(energy.totals().products()).as("no product path mentions energy").isZero();
    WhereUsedView p1 = ask("", WhereUsedQuery.Lists.PRODUCTS, 0, "", "-purl", "acme/p1", COORDINATOR);
    assertThat(p1.products()).extracting(WhereUsed.ProductHit::purl)
        .containsExactly("pkg:generic/acme/p1@1.0", "pkg:generic/acme/p11@1.0", "pkg:generic/acme/p10@1.0"); // '@' sorts after '1'

    assertThat(ask("", WhereUsedQuery.Lists.PRODUCTS, 0, "", "", "adapter", COORDINATOR).totals().products())
        .as("the filter reads paths too").isEqualTo(12);
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.PRODUCTS, 0, "", "operator", "", COORDINATOR))
        .hasMessageContaining("cannot sort products by 'operator'; accepted: purl, depth")
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("sort");
    assertThatThrownBy(() -> ask("", WhereUsedQuery.Lists.BOTH, 0, "", "colour", "", COORDINATOR))
        .hasMessageContaining("accepted: purl, depth, operator, site, sector, country, criticality, product");
  }

  // ---- visibility and k-anonymity

  @Test
  void aMemberSeesItsOwnSitesAndTotalsThatHideSmallCells() {
    WhereUsedView view = ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", AQUANET);
    assertThat(view.deployments()).extracting(WhereUsed.DeploymentHit::operator).containsExactly("AquaNet");
    assertThat(view.totals().deployments()).isEqualTo(1);
    Map<String, Object> totals = view.aggregateTotals();
    assertThat(totals.get("bySector")).isEqualTo(Map.of("energy", 4L, "telecom", 3L, "water", "≥0", "health", "≥0"));
    assertThat(totals.get("byCountry")).isEqualTo(Map.of("DE", "≥4", "FR", "≥3"));
    assertThat(totals.get("all")).isEqualTo("≥7");
    // issue 8: hidden sites in the cells shown (energy and telecom), and more in the suppressed ones,
    // which an exact number would reveal: at least 7
    assertThat(view.hiddenDeployments()).as("hidden sites in the cells shown: energy and telecom, and more")
        .isEqualTo(new HiddenCount(HiddenCount.Form.AT_LEAST, 7));
    assertThat(view.hiddenDeployments().json()).isEqualTo("≥7");

    WhereUsedView full = ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", COORDINATOR);
    assertThat(full.aggregateTotals().get("all")).isEqualTo(10L);
    assertThat(full.aggregateTotals().get("byCountry")).isEqualTo(Map.of("DE", 6L, "FR", 4L));
    assertThat(full.hiddenDeployments()).isEqualTo(HiddenCount.NONE);
  }

  /**
   * A differencing attack: two worlds that differ only inside a suppressed cell must give a member, and
   * a shared view, the same counts everywhere (cells, totals, hidden), while a shown cell's change must
   * show (so the comparison can fail).
   */
  @Test
  void noCountInTheAnswerRevealsASuppressedCell() {
    Viewer shared = Viewer.local(true);
    List<Object> memberBefore = counts(ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", AQUANET));
    List<Object> sharedBefore = counts(ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", shared));

    // One more site in health/DE by an operator already there: still two operators, still suppressed.
    ingestInventory("""
        operator,site,sector,country,criticality,product
        MediCo,Dresden,health,DE,essential,pkg:generic/acme/p6@1.0
        """);
    WhereUsedView coordinator = ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", COORDINATOR);
    assertThat(coordinator.totals().deployments()).as("the cache saw the new site").isEqualTo(11);
    assertThat(counts(ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", AQUANET))).isEqualTo(memberBefore);
    assertThat(counts(ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", shared))).isEqualTo(sharedBefore);

    // One more site in a shown cell changes the counts a member sees.
    ingestInventory("""
        operator,site,sector,country,criticality,product
        GridCo,Rostock,energy,DE,essential,pkg:generic/acme/p0@1.0
        """);
    assertThat(counts(ask("", WhereUsedQuery.Lists.BOTH, 0, "", "", "", AQUANET))).isNotEqualTo(memberBefore);
  }

  private static List<Object> counts(WhereUsedView view) {
    return List.of(view.aggregates(), view.aggregateTotals(), view.hiddenDeployments(), view.totals());
  }

  // ---- CSV

  @Test
  void csvHasEveryRowFilteredAndSortedWithFormulasDefused() {
    String csv = accord.exposure().whereUsedCsv(
        new WhereUsedQuery(LIB, "", WhereUsedQuery.Lists.DEPLOYMENTS, 2, "", "site", ""), COORDINATOR);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("operator,site,sector,country,criticality,product,depth,path");
    assertThat(lines).as("limit does not apply to CSV").hasSize(11);
    assertThat(lines[1]).as("a site name a spreadsheet would evaluate is defused")
        .startsWith("CareCo,'-Munich Annex,health,DE,essential,pkg:generic/acme/p7@1.0,2,");
    assertThat(lines[2]).isEqualTo("MediCo,Berlin,health,DE,essential,pkg:generic/acme/p6@1.0,2,"
        + "pkg:generic/acme/p6@1.0 > pkg:maven/org.acme/adapter@2.1.0 > pkg:maven/org.libra/libracore@2.1.0");
    String products = accord.exposure().whereUsedCsv(
        new WhereUsedQuery(LIB, "", WhereUsedQuery.Lists.PRODUCTS, 0, "", "", "p11"), COORDINATOR);
    assertThat(products).isEqualTo("purl,depth,path\r\npkg:generic/acme/p11@1.0,2,"
        + "pkg:generic/acme/p11@1.0 > pkg:maven/org.acme/adapter@2.5.0 > pkg:maven/org.libra/libracore@2.5.0\r\n");
    assertThatThrownBy(() -> accord.exposure().whereUsedCsv(WhereUsedQuery.of(LIB, ""), COORDINATOR))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("list");
    assertThat(WhereUsedCsv.defuse("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(WhereUsedCsv.defuse("+1")).isEqualTo("'+1");
    assertThat(WhereUsedCsv.defuse("-1")).isEqualTo("'-1");
    assertThat(WhereUsedCsv.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(WhereUsedCsv.defuse("GridCo")).isEqualTo("GridCo");
  }

  @Test
  void aMembersCsvHasOnlyItsOwnSites() {
    String csv = accord.exposure().whereUsedCsv(new WhereUsedQuery(LIB, "", WhereUsedQuery.Lists.DEPLOYMENTS, 0, "", "", ""), AQUANET);
    assertThat(csv.split("\r\n")).hasSize(2);
    assertThat(csv).contains("AquaNet,Lyon").doesNotContain("GridCo");
  }

  // ---- cache

  @Test
  void answersAreCachedUntilTheGraphChanges() {
    WhereUsedQuery query = new WhereUsedQuery(LIB, "[2.0,2.3.4)", WhereUsedQuery.Lists.BOTH, 50, "", "", "");
    byte[] first = accord.exposure().whereUsedRendered(query, COORDINATOR, view -> view.toString().getBytes(StandardCharsets.UTF_8));
    byte[] again = accord.exposure().whereUsedRendered(query, COORDINATOR, view -> {
      throw new AssertionError("a cached page is not rendered again");
    });
    assertThat(again).isSameAs(first);
    ingestSbom("p12", "2.2.0");
    byte[] after = accord.exposure().whereUsedRendered(query, COORDINATOR, view -> view.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(new String(after, StandardCharsets.UTF_8)).contains("acme/p12").contains("libracore@2.2.0");
    assertThat(accord.exposure().whereUsed(LIB, "[2.0,2.3.4)", COORDINATOR).products()).hasSize(9);
    assertThat(accord.exposure().whereUsedUncached(LIB, "[2.0,2.3.4)", COORDINATOR).products()).hasSize(9);
  }
}
