package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.accord.InvalidInputException;
import org.accord.triage.Deployment.Criticality;
import org.accord.triage.Deployment.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactAssessmentTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    // one deployment: sector, criticality -> public well-being, mission prevalence
    "energy, essential, irreversible, essential",
    "water, essential, irreversible, essential",
    "health, essential, irreversible, essential",
    "transport, essential, irreversible, essential",
    "telecom, essential, material, essential",
    "finance, essential, material, essential",
    "digital-identity, essential, material, essential",
    "government, essential, material, essential",
    "manufacturing, essential, material, essential",
    "other, essential, material, essential",
    "energy, important, material, minimal",
    "finance, important, material, minimal",
    "manufacturing, important, material, minimal",
    "other, important, minimal, minimal",
    "energy, other, minimal, minimal",
    "health, other, minimal, minimal",
  })
  void singleDeployment(String sector, String criticality, String wellBeing, String prevalence) {
    ImpactAssessment assessment =
        ImpactAssessment.of(List.of(new Deployment("op-1", Sector.fromId(sector), Criticality.fromId(criticality))), List.of());
    assertThat(assessment.publicWellBeingImpact()).isEqualTo(wellBeing);
    assertThat(assessment.missionPrevalence()).isEqualTo(prevalence);
    assertThat(assessment.publicSafetyImpact()).isEqualTo(wellBeing.equals("minimal") ? "minimal" : "significant");
  }

  @Test
  void supportNeedsImportantDeploymentsAtTwoEntities() {
    Deployment a = new Deployment("op-a", Sector.OTHER, Criticality.IMPORTANT);
    Deployment a2 = new Deployment("op-a", Sector.FINANCE, Criticality.IMPORTANT);
    Deployment b = new Deployment("op-b", Sector.OTHER, Criticality.IMPORTANT);
    assertThat(ImpactAssessment.of(List.of(a, a2), List.of()).missionPrevalence()).isEqualTo("minimal");
    ImpactAssessment two = ImpactAssessment.of(List.of(a, b), List.of());
    assertThat(two.missionPrevalence()).isEqualTo("support");
    assertThat(two.missionAndWellBeingImpact()).isEqualTo("medium");
    assertThat(two.entities()).isEqualTo(2);
  }

  @Test
  void essentialDeploymentsAcrossASocietalSectorAreSystemic() {
    Deployment bankA = new Deployment("bank-a", Sector.FINANCE, Criticality.ESSENTIAL);
    Deployment bankA2 = new Deployment("bank-a", Sector.FINANCE, Criticality.ESSENTIAL);
    Deployment bankB = new Deployment("bank-b", Sector.FINANCE, Criticality.ESSENTIAL);
    Deployment telco = new Deployment("telco", Sector.TELECOM, Criticality.ESSENTIAL);
    assertThat(ImpactAssessment.of(List.of(bankA, bankA2), List.of()).publicWellBeingImpact()).isEqualTo("material");
    assertThat(ImpactAssessment.of(List.of(bankA, telco), List.of()).publicWellBeingImpact()).isEqualTo("material");
    ImpactAssessment systemic = ImpactAssessment.of(List.of(bankA, bankB), List.of());
    assertThat(systemic.publicWellBeingImpact()).isEqualTo("irreversible");
    assertThat(systemic.rationale()).anyMatch(line -> line.contains("2 entities in finance (systemic)"));
  }

  @Test
  void missionAndWellBeingFollowsCisaTable8() {
    // Table 8: rows mission prevalence minimal/support/essential, columns well-being minimal/material/irreversible.
    String[][] expected = {{"low", "medium", "high"}, {"medium", "medium", "high"}, {"high", "high", "high"}};
    List<List<Deployment>> byPrevalence =
        List.of(
            List.of(),
            List.of(new Deployment("a", Sector.OTHER, Criticality.IMPORTANT), new Deployment("b", Sector.OTHER, Criticality.IMPORTANT)),
            List.of(new Deployment("a", Sector.OTHER, Criticality.ESSENTIAL)));
    List<List<Deployment>> byWellBeing =
        List.of(
            List.of(),
            List.of(new Deployment("c", Sector.MANUFACTURING, Criticality.IMPORTANT)),
            List.of(new Deployment("c", Sector.WATER, Criticality.ESSENTIAL)));
    for (int p = 0; p < 3; p++) {
      for (int w = 0; w < 3; w++) {
        List<Deployment> deployments = new ArrayList<>(byPrevalence.get(p));
        deployments.addAll(byWellBeing.get(w));
        ImpactAssessment assessment = ImpactAssessment.of(deployments, List.of());
        // Adding the well-being deployment may raise prevalence (essential water); check the table on what was assessed.
        int prevalence = List.of("minimal", "support", "essential").indexOf(assessment.missionPrevalence());
        int wellBeing = List.of("minimal", "material", "irreversible").indexOf(assessment.publicWellBeingImpact());
        assertThat(assessment.missionAndWellBeingImpact()).isEqualTo(expected[prevalence][wellBeing]);
      }
    }
    assertThat(ImpactAssessment.of(List.of(), List.of()).missionAndWellBeingImpact()).isEqualTo("low");
    assertThat(ImpactAssessment.of(List.of(new Deployment("c", Sector.HEALTH, Criticality.IMPORTANT)), List.of())
            .missionAndWellBeingImpact())
        .isEqualTo("medium");
  }

  @Test
  void supplierCardinalityCountsDistinctSuppliers() {
    assertThat(ImpactAssessment.of(List.of(), List.of()).supplierCardinality()).isEqualTo("one");
    assertThat(ImpactAssessment.of(List.of(), List.of("Acme", "Acme ", " ")).supplierCardinality()).isEqualTo("one");
    ImpactAssessment many = ImpactAssessment.of(List.of(), List.of("Acme", "Globex", "Acme"));
    assertThat(many.supplierCardinality()).isEqualTo("multiple");
    assertThat(many.suppliers()).isEqualTo(2);
  }

  @Test
  void feedsTheTablesThatUseItsDecisionPoints() {
    ImpactAssessment assessment =
        ImpactAssessment.of(List.of(new Deployment("grid-op", Sector.ENERGY, Criticality.ESSENTIAL)), List.of("Acme", "LibraCore"));
    SsvcTable cisa = SsvcTable.builtin("cisa-coordinator");
    Map<String, String> inputs = new java.util.LinkedHashMap<>(assessment.inputsFor(cisa));
    assertThat(inputs).containsExactly(Map.entry("mission-and-well-being-impact", "high"));
    inputs.put("exploitation", "active");
    inputs.put("automatable", "no");
    inputs.put("technical-impact", "total");
    assertThat(cisa.decide(inputs).outcome()).isEqualTo("act");

    assertThat(assessment.inputsFor(SsvcTable.builtin("supplier"))).containsExactly(Map.entry("public-safety-impact", "significant"));
    assertThat(assessment.inputsFor(SsvcTable.builtin("coordinator-triage")))
        .containsExactly(Map.entry("public-safety-impact", "significant"), Map.entry("supplier-cardinality", "multiple"));
    assertThat(assessment.inputsFor(SsvcTable.builtin("deployer"))).isEmpty();
  }

  /** Property: more exposure never lowers a decision point (the mapping is monotone). */
  @Test
  void addingDeploymentsOrSuppliersNeverLowersAnything() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<String> prevalence = List.of("minimal", "support", "essential");
    List<String> wellBeing = List.of("minimal", "material", "irreversible");
    List<String> combined = List.of("low", "medium", "high");
    for (int round = 0; round < 500; round++) {
      List<Deployment> deployments = new ArrayList<>();
      List<String> suppliers = new ArrayList<>();
      ImpactAssessment before = ImpactAssessment.of(deployments, suppliers);
      for (int step = 0; step < 12; step++) {
        deployments.add(
            new Deployment(
                "op-" + random.nextInt(5),
                Sector.values()[random.nextInt(Sector.values().length)],
                Criticality.values()[random.nextInt(Criticality.values().length)]));
        suppliers.add("s" + random.nextInt(3));
        ImpactAssessment after = ImpactAssessment.of(deployments, suppliers);
        String context = "seed " + seed + " " + deployments;
        assertThat(prevalence.indexOf(after.missionPrevalence())).as(context).isGreaterThanOrEqualTo(prevalence.indexOf(before.missionPrevalence()));
        assertThat(wellBeing.indexOf(after.publicWellBeingImpact())).as(context).isGreaterThanOrEqualTo(wellBeing.indexOf(before.publicWellBeingImpact()));
        assertThat(combined.indexOf(after.missionAndWellBeingImpact())).as(context).isGreaterThanOrEqualTo(combined.indexOf(before.missionAndWellBeingImpact()));
        if (before.publicSafetyImpact().equals("significant")) {
          assertThat(after.publicSafetyImpact()).as(context).isEqualTo("significant");
        }
        if (before.supplierCardinality().equals("multiple")) {
          assertThat(after.supplierCardinality()).as(context).isEqualTo("multiple");
        }
        before = after;
      }
    }
  }

  @Test
  void sectorAndCriticalityIdsRoundTrip() {
    for (Sector sector : Sector.values()) {
      assertThat(Sector.fromId(sector.id())).isEqualTo(sector);
    }
    assertThat(Sector.DIGITAL_IDENTITY.id()).isEqualTo("digital-identity");
    for (Criticality criticality : Criticality.values()) {
      assertThat(Criticality.fromId(criticality.id())).isEqualTo(criticality);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sector.fromId("space"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown sector 'space'");
  }
}
