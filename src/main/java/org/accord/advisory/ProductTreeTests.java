package org.accord.advisory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;

/**
 * The CSAF 2.0 tests about the product tree and the product and group IDs that point into it:
 * mandatory §6.1.1 to §6.1.5, §6.1.13, §6.1.25, §6.1.31 and optional §6.2.1, §6.2.16. Stateless.
 */
final class ProductTreeTests {
  private ProductTreeTests() {}

  /** Operators that betray a version range anywhere in a {@code product_version} name (§6.1.31). */
  private static final List<String> RANGE_OPERATORS = List.of("<", ">");

  /** Words that betray a version range in a {@code product_version} name (§6.1.31). */
  private static final Set<String> RANGE_WORDS =
      Set.of("after", "all", "before", "earlier", "later", "prior", "versions");

  /**
   * CSAF 2.0 §6.1.1 Missing Definition of Product ID: every Product ID used outside a Full Product
   * Name must be defined by one. Checked at every place of type {@code product_id_t} or {@code
   * products_t}, flags included.
   */
  static void missingProductDefinition(CsafDocument document, Findings findings) {
    Set<String> defined = definedProductIds(document);
    for (Located reference : productReferences(document)) {
      String productId = reference.text();
      if (productId != null && !defined.contains(productId)) {
        findings.add("6.1.1", reference, "product ID '" + productId + "' is not defined in the product tree");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.2 Multiple Definition of Product ID: a {@code product_id} is defined by at most one
   * Full Product Name.
   */
  static void multipleProductDefinition(CsafDocument document, Findings findings) {
    Map<String, String> firstDefinition = new HashMap<>();
    for (Located product : document.fullProductNames()) {
      Located productId = product.field("product_id");
      if (productId.text() != null) {
        String first = firstDefinition.putIfAbsent(productId.text(), productId.path());
        if (first != null) {
          findings.add(
              "6.1.2", productId, "product ID '" + productId.text() + "' is already defined at " + first);
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.3 Circular Definition of Product ID: a product defined by a relationship must not
   * depend, through the relationships' {@code product_reference} and {@code
   * relates_to_product_reference}, on itself.
   *
   * <p>Relationships form a directed graph from each defined product to the two it combines. Repeatedly
   * removing products whose references all lead out of the relationship graph (Kahn's topological
   * peeling) leaves exactly the products that lie on a cycle or lead into one; each is reported once.
   */
  static void circularProductDefinition(CsafDocument document, Findings findings) {
    Map<String, Set<String>> references = new LinkedHashMap<>();
    Map<String, String> definedAt = new HashMap<>();
    for (Located relationship : document.productTree().field("relationships").items()) {
      Located productId = relationship.field("full_product_name").field("product_id");
      if (productId.text() == null) {
        continue;
      }
      definedAt.putIfAbsent(productId.text(), productId.path());
      Set<String> targets = references.computeIfAbsent(productId.text(), id -> new LinkedHashSet<>());
      for (String field : List.of("product_reference", "relates_to_product_reference")) {
        String target = relationship.text(field);
        if (target != null) {
          targets.add(target);
        }
      }
    }
    Map<String, Integer> unresolved = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    Deque<String> resolved = new ArrayDeque<>();
    for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
      int count = 0;
      for (String target : entry.getValue()) {
        if (references.containsKey(target)) {
          count++;
          dependents.computeIfAbsent(target, id -> new ArrayList<>()).add(entry.getKey());
        }
      }
      unresolved.put(entry.getKey(), count);
      if (count == 0) {
        resolved.add(entry.getKey());
      }
    }
    while (!resolved.isEmpty()) {
      String done = resolved.poll();
      for (String dependent : dependents.getOrDefault(done, List.of())) {
        if (unresolved.merge(dependent, -1, Integer::sum) == 0) {
          resolved.add(dependent);
        }
      }
    }
    for (Map.Entry<String, Integer> entry : unresolved.entrySet()) {
      if (entry.getValue() > 0) {
        findings.add(
            "6.1.3",
            definedAt.get(entry.getKey()),
            "product ID '" + entry.getKey() + "' is defined in terms of itself through relationships");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.4 Missing Definition of Product Group ID: every Product Group ID used in flags,
   * remediations and threats is defined in {@code /product_tree/product_groups}.
   */
  static void missingGroupDefinition(CsafDocument document, Findings findings) {
    Set<String> defined = document.groups().keySet();
    for (Located vulnerability : document.vulnerabilities()) {
      for (String list : List.of("flags", "remediations", "threats")) {
        for (Located item : vulnerability.field(list).items()) {
          for (Located groupId : item.field("group_ids").items()) {
            if (groupId.text() != null && !defined.contains(groupId.text())) {
              findings.add(
                  "6.1.4", groupId, "product group ID '" + groupId.text() + "' is not defined in the product tree");
            }
          }
        }
      }
    }
  }

  /** CSAF 2.0 §6.1.5 Multiple Definition of Product Group ID: each {@code group_id} is defined once. */
  static void multipleGroupDefinition(CsafDocument document, Findings findings) {
    Map<String, String> firstDefinition = new HashMap<>();
    for (Located group : document.productTree().field("product_groups").items()) {
      Located groupId = group.field("group_id");
      if (groupId.text() != null) {
        String first = firstDefinition.putIfAbsent(groupId.text(), groupId.path());
        if (first != null) {
          findings.add(
              "6.1.5", groupId, "product group ID '" + groupId.text() + "' is already defined at " + first);
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.13 PURL: every {@code product_identification_helper/purl} is a valid package URL, as
   * the purl specification and packageurl-java define it.
   */
  static void purl(CsafDocument document, Findings findings) {
    for (Located product : document.fullProductNames()) {
      Located purl = product.field("product_identification_helper").field("purl");
      if (purl.text() != null) {
        try {
          Purl.parse(purl.text());
        } catch (InvalidInputException e) {
          findings.add("6.1.13", purl, e.getMessage());
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.25 Multiple Use of Same Hash Algorithm: within one item of {@code hashes}, each
   * algorithm appears once among its {@code file_hashes} (compared without regard to case).
   */
  static void multipleHashAlgorithm(CsafDocument document, Findings findings) {
    for (Located product : document.fullProductNames()) {
      for (Located hash : product.field("product_identification_helper").field("hashes").items()) {
        Set<String> seen = new HashSet<>();
        for (Located fileHash : hash.field("file_hashes").items()) {
          String algorithm = fileHash.text("algorithm");
          if (algorithm != null && !seen.add(algorithm.toLowerCase(Locale.ROOT))) {
            findings.add(
                "6.1.25",
                fileHash.field("algorithm"),
                "hash algorithm '" + algorithm + "' is used more than once for the same file");
          }
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.31 Version Range in Product Version: a branch of category {@code product_version}
   * names one version, not a range. As the spec allows, a name is taken to hold a range when, in lower
   * case, it contains one of the operators {@code <}, {@code <=}, {@code >}, {@code >=}, or one of the
   * words {@code after}, {@code all}, {@code before}, {@code earlier}, {@code later}, {@code prior},
   * {@code versions} as a whitespace-separated word. The 2.0 text says "contain any of the following
   * strings"; the word reading is the one the OASIS test suite expects ({@code after-eight} in
   * 6-1-31-12 is valid) and that CSAF 2.1 spells out.
   */
  static void versionRangeInProductVersion(CsafDocument document, Findings findings) {
    for (Located branch : document.branches()) {
      String name = branch.text("name");
      if (!"product_version".equals(branch.text("category")) || name == null) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      String indicator = null;
      for (String operator : RANGE_OPERATORS) {
        if (lower.contains(operator)) {
          indicator = operator;
        }
      }
      for (String word : lower.split("\\s+")) {
        if (indicator == null && RANGE_WORDS.contains(word)) {
          indicator = word;
        }
      }
      if (indicator != null) {
        findings.add(
            "6.1.31",
            branch.field("name"),
            "product_version '" + name + "' looks like a version range (contains '" + indicator
                + "'); use product_version_range");
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.1 Unused Definition of Product ID (optional): every {@code product_id} a Full Product
   * Name defines is referenced somewhere in the document, that is, at one of the places of type {@code
   * product_id_t} or {@code products_t} that §6.1.1 checks (product groups, relationships, product
   * status, remediations, scores, threats, flags). Skipped for the profile Informational Advisory, as
   * the test says: there every product in the tree is affected without being named.
   */
  static void unusedProductDefinition(CsafDocument document, Findings findings) {
    if (ProfileTests.INFORMATIONAL.equals(document.category())) {
      return;
    }
    Set<String> referenced = new HashSet<>();
    for (Located reference : productReferences(document)) {
      if (reference.text() != null) {
        referenced.add(reference.text());
      }
    }
    for (Located product : document.fullProductNames()) {
      Located productId = product.field("product_id");
      if (productId.text() != null && !referenced.contains(productId.text())) {
        findings.add("6.2.1", productId, "product ID '" + productId.text() + "' is defined but never used");
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.16 Missing Product Identification Helper (optional): every Full Product Name (in
   * branches, {@code full_product_names} and relationships) has a {@code
   * product_identification_helper}.
   */
  static void missingIdentificationHelper(CsafDocument document, Findings findings) {
    for (Located product : document.fullProductNames()) {
      if (!product.has("product_identification_helper")) {
        String productId = product.text("product_id");
        findings.add(
            "6.2.16",
            product.field("product_identification_helper"),
            "product " + (productId == null ? "" : "'" + productId + "' ") + "has no product_identification_helper");
      }
    }
  }

  static Set<String> definedProductIds(CsafDocument document) {
    Set<String> defined = new HashSet<>();
    for (Located product : document.fullProductNames()) {
      String productId = product.text("product_id");
      if (productId != null) {
        defined.add(productId);
      }
    }
    return defined;
  }

  /** Every string of type {@code product_id_t} outside a Full Product Name, with its path. */
  static List<Located> productReferences(CsafDocument document) {
    List<Located> references = new ArrayList<>();
    Located tree = document.productTree();
    for (Located group : tree.field("product_groups").items()) {
      references.addAll(group.field("product_ids").items());
    }
    for (Located relationship : tree.field("relationships").items()) {
      references.add(relationship.field("product_reference"));
      references.add(relationship.field("relates_to_product_reference"));
    }
    for (Located vulnerability : document.vulnerabilities()) {
      for (String status : CsafDocument.PRODUCT_STATUSES) {
        references.addAll(vulnerability.field("product_status").field(status).items());
      }
      for (Located remediation : vulnerability.field("remediations").items()) {
        references.addAll(remediation.field("product_ids").items());
      }
      for (Located score : vulnerability.field("scores").items()) {
        references.addAll(score.field("products").items());
      }
      for (Located threat : vulnerability.field("threats").items()) {
        references.addAll(threat.field("product_ids").items());
      }
      for (Located flag : vulnerability.field("flags").items()) {
        references.addAll(flag.field("product_ids").items());
      }
    }
    return references;
  }
}
