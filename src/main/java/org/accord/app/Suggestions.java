package org.accord.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.ReportedPackage;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.party.ProductClaim;
import org.accord.store.Claims;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.accord.store.SbomDocuments;

/**
 * Participants suggested for a case from the exposure graph and the approved product claims (issue 9,
 * item 5; ADR 0105). The rules are {@link ParticipantSuggestions}'; this class gathers their inputs:
 * one where-used answer per affected package (cached per graph generation, as where-used's are) and one
 * read transaction for the approved claims, the affected products' live SBOM uploaders (one query per
 * 500 products) and the organizations. Thread-safe.
 */
public final class Suggestions {
  private final Database database;
  private final Exposure exposure;

  Suggestions(Database database, Exposure exposure) {
    this.database = database;
    this.exposure = exposure;
  }

  /**
   * The suggestions for a case's affected packages as {@code viewer} may see them: the coordinator gets
   * every operator by name; anyone else its own deployments and the others as k-anonymous counts.
   *
   * @param packages the case's affected packages, at least one
   */
  public ParticipantSuggestions.Result suggest(List<ReportedPackage> packages, Viewer viewer) {
    Objects.requireNonNull(viewer, "viewer");
    if (packages == null || packages.isEmpty()) {
      throw new org.accord.InvalidInputException("a case needs at least one affected package to suggest participants", "packages");
    }
    List<ParticipantSuggestions.Affected> affected = new ArrayList<>();
    Set<String> products = new LinkedHashSet<>();
    for (ReportedPackage reported : packages) {
      WhereUsedAnswer answer = exposure.answer(reported.purl().canonical(), reported.range().toVers());
      affected.add(new ParticipantSuggestions.Affected(reported, answer.result, answer.note));
      answer.result.products().forEach(p -> products.add(p.purl()));
    }
    record Inputs(List<ProductClaim> approved, Map<String, List<Organization>> uploaders, List<Organization> organizations) {}
    Inputs inputs = database.jdbi().inTransaction(handle -> new Inputs(
        Claims.approved(handle), SbomDocuments.liveUploaders(handle, products), Organizations.list(handle)));
    ParticipantSuggestions.Audience audience =
        new ParticipantSuggestions.Audience(viewer.organization(), viewer.seesAllDeployments(), viewer.coordinator(), viewer.k());
    return ParticipantSuggestions.suggest(affected, inputs.approved(), inputs.uploaders(), inputs.organizations(), audience);
  }

  /** As {@link #suggest(List, Viewer)} for an authenticated principal, unshared, with the default k. */
  public ParticipantSuggestions.Result suggest(List<ReportedPackage> packages, Principal principal) {
    return suggest(packages, new Viewer(principal.organization().name(), principal.isCoordinator(), false, Viewer.DEFAULT_K));
  }
}
