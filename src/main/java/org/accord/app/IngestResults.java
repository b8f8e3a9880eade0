package org.accord.app;

import java.util.List;

/** The results of ingests, as both edges report them: immutable records, no field null. */
public final class IngestResults {
  private IngestResults() {}

  /**
   * An SBOM ingest.
   *
   * @param documentId the stored document's id
   * @param duplicate true when the same bytes were ingested before, so nothing changed
   * @param product the product version the SBOM describes
   * @param format the document format
   * @param specVersion the spec version it declares
   * @param components distinct components, root included
   * @param edges distinct edges
   * @param warnings problems that did not stop the ingest
   * @param replacedDocumentId the document whose edges this one replaced, or 0
   * @param sha256 the document's SHA-256
   * @param ledgerIndex the transparency-log index of the ingest event, or -1 for a duplicate
   */
  public record Sbom(
      long documentId,
      boolean duplicate,
      String product,
      String format,
      String specVersion,
      int components,
      int edges,
      List<String> warnings,
      long replacedDocumentId,
      String sha256,
      long ledgerIndex) {}

  /**
   * An inventory ingest.
   *
   * @param inventoryId the stored inventory's id
   * @param duplicate true when the same bytes were ingested before, so nothing changed
   * @param deployments rows in the inventory
   * @param operators distinct operators it names
   * @param sha256 the document's SHA-256
   * @param ledgerIndex the transparency-log index of the ingest event, or -1 for a duplicate
   */
  public record Inventory(
      long inventoryId, boolean duplicate, int deployments, int operators, String sha256, long ledgerIndex) {}
}
