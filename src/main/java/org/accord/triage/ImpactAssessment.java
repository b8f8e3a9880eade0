package org.accord.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The SSVC decision points that follow from where a vulnerability runs: Mission Prevalence and Public
 * Well-Being Impact (and the CISA Mission and Well-Being Impact that combines them), Public Safety
 * Impact, and Supplier Cardinality. A pure function over simple records, so the exposure matcher can
 * feed it; decision points that depend on judgement (Public Value Added, Supplier Involvement,
 * Technical Impact, Automatable, ...) stay inputs.
 *
 * <p>The mapping and its reasons are in {@code docs/adr/0032-evidence-and-exposure-mapping.md}; in
 * short:
 *
 * <ul>
 *   <li>Mission Prevalence: {@code essential} if any deployment is essential; {@code support} if
 *       important deployments span two or more entities; else {@code minimal} (CISA's definitions).
 *   <li>Public Well-Being Impact, per deployment then the worst: essential in a lifeline sector (energy,
 *       water, health, transport) is {@code irreversible}; any other essential deployment, and an
 *       important one outside sector "other", is {@code material}; the rest is {@code minimal}.
 *       Essential deployments at two or more entities of one societal sector (telecom, finance,
 *       digital-identity, government) are {@code irreversible}: a shared component failing across
 *       several essential operators destabilises the system they form.
 *   <li>Mission and Well-Being Impact: CISA's table over the two above.
 *   <li>Public Safety Impact: {@code significant} when Public Well-Being Impact is material or worse.
 *   <li>Supplier Cardinality: {@code multiple} when two or more distinct suppliers are named.
 * </ul>
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param missionPrevalence {@code minimal}, {@code support} or {@code essential}
 * @param publicWellBeingImpact {@code minimal}, {@code material} or {@code irreversible}
 * @param missionAndWellBeingImpact {@code low}, {@code medium} or {@code high}
 * @param publicSafetyImpact {@code minimal} or {@code significant}
 * @param supplierCardinality {@code one} or {@code multiple}
 * @param deployments how many deployments were assessed
 * @param entities how many distinct entities run them
 * @param suppliers how many distinct suppliers were named
 * @param rationale one sentence per decision point saying why
 */
public record ImpactAssessment(
    String missionPrevalence,
    String publicWellBeingImpact,
    String missionAndWellBeingImpact,
    String publicSafetyImpact,
    String supplierCardinality,
    int deployments,
    int entities,
    int suppliers,
    List<String> rationale) {

  /** Decision point ids, as Accord's SSVC tables name them. */
  public static final String MISSION_PREVALENCE = "mission-prevalence";
  public static final String PUBLIC_WELL_BEING_IMPACT = "public-well-being-impact";
  public static final String MISSION_AND_WELL_BEING_IMPACT = "mission-and-well-being-impact";
  public static final String PUBLIC_SAFETY_IMPACT = "public-safety-impact";
  public static final String SUPPLIER_CARDINALITY = "supplier-cardinality";

  /** Two or more entities: CISA's threshold for Support, reused for the systemic escalation. */
  private static final int SEVERAL_ENTITIES = 2;

  private static final Set<Deployment.Sector> LIFELINE =
      EnumSet.of(Deployment.Sector.ENERGY, Deployment.Sector.WATER, Deployment.Sector.HEALTH, Deployment.Sector.TRANSPORT);
  private static final Set<Deployment.Sector> SOCIETAL =
      EnumSet.of(
          Deployment.Sector.TELECOM, Deployment.Sector.FINANCE, Deployment.Sector.DIGITAL_IDENTITY, Deployment.Sector.GOVERNMENT);

  private static final List<String> WELL_BEING = List.of("minimal", "material", "irreversible");

  public ImpactAssessment {
    Objects.requireNonNull(missionPrevalence, "missionPrevalence");
    Objects.requireNonNull(publicWellBeingImpact, "publicWellBeingImpact");
    Objects.requireNonNull(missionAndWellBeingImpact, "missionAndWellBeingImpact");
    Objects.requireNonNull(publicSafetyImpact, "publicSafetyImpact");
    Objects.requireNonNull(supplierCardinality, "supplierCardinality");
    rationale = List.copyOf(rationale);
  }

  /**
   * Assesses a set of deployments and suppliers.
   *
   * @param deployments every deployment of every affected product; may be empty
   * @param suppliers one entry per affected product naming its supplier, plus the vulnerable
   *     component's own supplier when it is a different party; blanks and repeats count once
   */
  public static ImpactAssessment of(Collection<Deployment> deployments, Collection<String> suppliers) {
    Objects.requireNonNull(deployments, "deployments");
    Objects.requireNonNull(suppliers, "suppliers");
    List<String> rationale = new ArrayList<>();
    Set<String> entities = new HashSet<>();
    Set<String> importantEntities = new HashSet<>();
    Map<Deployment.Sector, Set<String>> essentialEntitiesBySector = new HashMap<>();
    int essentialDeployments = 0;
    int wellBeing = 0;
    Deployment worst = null;
    for (Deployment deployment : deployments) {
      entities.add(deployment.entity());
      switch (deployment.criticality()) {
        case ESSENTIAL -> {
          essentialDeployments++;
          essentialEntitiesBySector.computeIfAbsent(deployment.sector(), sector -> new HashSet<>()).add(deployment.entity());
        }
        case IMPORTANT -> importantEntities.add(deployment.entity());
        case OTHER -> {}
      }
      int level = wellBeing(deployment);
      if (worst == null || level > wellBeing) {
        wellBeing = level;
        worst = deployment;
      }
    }

    String missionPrevalence;
    if (essentialDeployments > 0) {
      missionPrevalence = "essential";
      rationale.add(MISSION_PREVALENCE + "=essential: " + essentialDeployments + " essential deployment(s)");
    } else if (importantEntities.size() >= SEVERAL_ENTITIES) {
      missionPrevalence = "support";
      rationale.add(MISSION_PREVALENCE + "=support: important deployments at " + importantEntities.size() + " entities");
    } else {
      missionPrevalence = "minimal";
      rationale.add(
          MISSION_PREVALENCE + "=minimal: no essential deployment and important deployments at "
              + importantEntities.size() + " entit" + (importantEntities.size() == 1 ? "y" : "ies") + " (support needs "
              + SEVERAL_ENTITIES + ")");
    }

    String wellBeingReason =
        worst == null
            ? "no deployments"
            : "worst deployment is " + worst.criticality().id() + " in " + worst.sector().id() + " (" + worst.entity() + ")";
    for (Deployment.Sector sector : SOCIETAL) {
      Set<String> essential = essentialEntitiesBySector.getOrDefault(sector, Set.of());
      if (essential.size() >= SEVERAL_ENTITIES && wellBeing < 2) {
        wellBeing = 2;
        wellBeingReason =
            "essential deployments at " + essential.size() + " entities in " + sector.id() + " (systemic)";
      }
    }
    String publicWellBeing = WELL_BEING.get(wellBeing);
    rationale.add(PUBLIC_WELL_BEING_IMPACT + "=" + publicWellBeing + ": " + wellBeingReason);

    String combined = missionAndWellBeing(missionPrevalence, publicWellBeing);
    rationale.add(
        MISSION_AND_WELL_BEING_IMPACT + "=" + combined + ": CISA table for mission prevalence " + missionPrevalence
            + " and public well-being " + publicWellBeing);

    String safety = wellBeing >= 1 ? "significant" : "minimal";
    rationale.add(PUBLIC_SAFETY_IMPACT + "=" + safety + ": public well-being impact is " + publicWellBeing);

    Set<String> distinctSuppliers = new HashSet<>();
    for (String supplier : suppliers) {
      if (supplier != null && !supplier.isBlank()) {
        distinctSuppliers.add(supplier.strip());
      }
    }
    String cardinality = distinctSuppliers.size() >= 2 ? "multiple" : "one";
    rationale.add(SUPPLIER_CARDINALITY + "=" + cardinality + ": " + distinctSuppliers.size() + " distinct supplier(s)");

    return new ImpactAssessment(
        missionPrevalence,
        publicWellBeing,
        combined,
        safety,
        cardinality,
        deployments.size(),
        entities.size(),
        distinctSuppliers.size(),
        rationale);
  }

  /**
   * The assessed decision points that the table uses, keyed by decision point id, ready to merge into
   * {@link SsvcTable#decide}'s inputs.
   */
  public Map<String, String> inputsFor(SsvcTable table) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(MISSION_PREVALENCE, missionPrevalence);
    all.put(PUBLIC_WELL_BEING_IMPACT, publicWellBeingImpact);
    all.put(MISSION_AND_WELL_BEING_IMPACT, missionAndWellBeingImpact);
    all.put(PUBLIC_SAFETY_IMPACT, publicSafetyImpact);
    all.put(SUPPLIER_CARDINALITY, supplierCardinality);
    Map<String, String> used = new LinkedHashMap<>();
    all.forEach(
        (point, value) -> {
          if (table.decisionPoint(point).isPresent()) {
            used.put(point, value);
          }
        });
    return used;
  }

  /** 0 minimal, 1 material, 2 irreversible, for one deployment. */
  private static int wellBeing(Deployment deployment) {
    return switch (deployment.criticality()) {
      case ESSENTIAL -> LIFELINE.contains(deployment.sector()) ? 2 : 1;
      case IMPORTANT -> deployment.sector() == Deployment.Sector.OTHER ? 0 : 1;
      case OTHER -> 0;
    };
  }

  /** CISA SSVC Guide (2022), Table 8. */
  private static String missionAndWellBeing(String missionPrevalence, String publicWellBeing) {
    if (missionPrevalence.equals("essential") || publicWellBeing.equals("irreversible")) {
      return "high";
    }
    if (missionPrevalence.equals("support") || publicWellBeing.equals("material")) {
      return "medium";
    }
    return "low";
  }
}
