package org.accord.triage;

import java.util.Locale;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * One deployment of an affected product, as much as triage needs to know about it: which entity runs
 * it, in which sector, and how critical it is to that entity. The exposure matcher produces these;
 * {@link ImpactAssessment} turns a set of them into SSVC decision points.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param entity the operator (organization) running the deployment; deployments of one operator count
 *     as one entity
 * @param sector the sector the deployment serves
 * @param criticality how critical the deployment is to its operator's essential services
 */
public record Deployment(String entity, Sector sector, Criticality criticality) {

  public Deployment {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(criticality, "criticality");
  }

  /** The sectors Accord's inventories use (NIS2 Annexes I and II, coarsened). */
  public enum Sector {
    ENERGY,
    WATER,
    HEALTH,
    TELECOM,
    FINANCE,
    TRANSPORT,
    DIGITAL_IDENTITY,
    GOVERNMENT,
    MANUFACTURING,
    OTHER;

    /** The id as inventories spell it, such as {@code digital-identity}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The sector with this id.
     *
     * @throws InvalidInputException if no sector has this id
     */
    public static Sector fromId(String id) {
      for (Sector sector : values()) {
        if (sector.id().equals(id)) {
          return sector;
        }
      }
      throw new InvalidInputException(
          "unknown sector '" + id + "' (one of energy, water, health, telecom, finance, transport, "
              + "digital-identity, government, manufacturing, other)",
          "sector");
    }
  }

  /**
   * How critical a deployment is to its operator: {@code essential} supports an essential service
   * directly, {@code important} supports one, {@code other} neither (the NIS2 entity classes, applied
   * to the deployment).
   */
  public enum Criticality {
    ESSENTIAL,
    IMPORTANT,
    OTHER;

    /** The id as inventories spell it. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The criticality with this id.
     *
     * @throws InvalidInputException if no criticality has this id
     */
    public static Criticality fromId(String id) {
      for (Criticality criticality : values()) {
        if (criticality.id().equals(id)) {
          return criticality;
        }
      }
      throw new InvalidInputException(
          "unknown criticality '" + id + "' (one of essential, important, other)", "criticality");
    }
  }
}
