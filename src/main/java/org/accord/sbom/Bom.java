package org.accord.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One SBOM document in the neutral form every reader produces: the product root, the components it
 * lists and the edges between them.
 *
 * <p>Invariants the readers guarantee: component refs are unique (duplicates are merged with a
 * warning); every edge names refs that exist (dangling edges are dropped with a warning); no edge
 * appears twice; the root is not among {@link #components()}; every component is reachable from the
 * root, because a listed component that no edge reaches hangs directly under the root on an edge
 * marked {@code inferred} (for a group of components that reach each other but that nothing else
 * reaches, its first member in document order); inferred edges always start at the root. Cycles are
 * kept (they are legal) and reported as a warning. Warnings are aggregated: one per kind of problem,
 * with a count and the first few refs or names.
 *
 * <p>Immutable and thread-safe.
 *
 * @param format the document format
 * @param specVersion the spec version the document declares, such as {@code "1.6"} or {@code "SPDX-2.3"}
 * @param name the document's name or serial number, for messages; possibly empty
 * @param root the product the document describes
 * @param components every other component, in document order
 * @param edges dependency and lineage edges between refs, root included
 * @param warnings problems that did not stop the ingest, each naming the component or ref concerned
 */
public record Bom(
    BomFormat format,
    String specVersion,
    String name,
    BomComponent root,
    List<BomComponent> components,
    List<BomEdge> edges,
    List<String> warnings) {

  public Bom {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(root, "root");
    name = name == null ? "" : name;
    components = List.copyOf(components);
    edges = List.copyOf(edges);
    warnings = List.copyOf(warnings);
  }
}
