package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A CSAF document as the tests see it: the raw tree plus the indexes several tests share (every branch,
 * every Full Product Name, every product group), and the {@link UrlResolver} of the run for the tests
 * that resolve URLs. Built once per validation; tolerates any shape, since the tests also run on
 * documents that break the schema. Not thread-safe.
 */
final class CsafDocument {
  /** Product status lists of a vulnerability, in schema order. */
  static final List<String> PRODUCT_STATUSES =
      List.of(
          "first_affected",
          "first_fixed",
          "fixed",
          "known_affected",
          "known_not_affected",
          "last_affected",
          "recommended",
          "under_investigation");

  private final Located root;
  private final UrlResolver urls;
  private List<Located> branches;
  private List<Located> fullProductNames;
  private Map<String, Set<String>> groups;
  private final Map<String, Object> memos = new HashMap<>();

  CsafDocument(JsonNode root) {
    this(root, UrlResolver.offline());
  }

  CsafDocument(JsonNode root, UrlResolver urls) {
    this.root = Located.root(root);
    this.urls = urls;
  }

  /** How this run resolves URLs (§6.3.6, §6.3.7). */
  UrlResolver urls() {
    return urls;
  }

  Located root() {
    return root;
  }

  Located document() {
    return root.field("document");
  }

  Located productTree() {
    return root.field("product_tree");
  }

  List<Located> vulnerabilities() {
    return root.field("vulnerabilities").items();
  }

  /** {@code /document/category}, or null when absent or not a string. */
  String category() {
    return document().text("category");
  }

  /** Every branch object under {@code /product_tree/branches}, at any depth, in document order. */
  List<Located> branches() {
    if (branches == null) {
      List<Located> found = new ArrayList<>();
      // Iterative depth-first walk, so that a hostile nesting depth cannot overflow the stack.
      Deque<Located> pending = new ArrayDeque<>();
      pushReversed(pending, productTree().field("branches").items());
      while (!pending.isEmpty()) {
        Located branch = pending.pop();
        found.add(branch);
        pushReversed(pending, branch.field("branches").items());
      }
      branches = Collections.unmodifiableList(found);
    }
    return branches;
  }

  private static void pushReversed(Deque<Located> stack, List<Located> items) {
    for (int index = items.size() - 1; index >= 0; index--) {
      stack.push(items.get(index));
    }
  }

  /**
   * Every Full Product Name ({@code full_product_name_t}) in the product tree: in branches, in {@code
   * full_product_names} and in relationships, in that order.
   */
  List<Located> fullProductNames() {
    if (fullProductNames == null) {
      List<Located> found = new ArrayList<>();
      for (Located branch : branches()) {
        if (branch.field("product").node().isObject()) {
          found.add(branch.field("product"));
        }
      }
      for (Located product : productTree().field("full_product_names").items()) {
        found.add(product);
      }
      for (Located relationship : productTree().field("relationships").items()) {
        if (relationship.field("full_product_name").node().isObject()) {
          found.add(relationship.field("full_product_name"));
        }
      }
      fullProductNames = Collections.unmodifiableList(found);
    }
    return fullProductNames;
  }

  /** Product IDs of every product group by group ID; a group defined twice contributes both lists. */
  Map<String, Set<String>> groups() {
    if (groups == null) {
      Map<String, Set<String>> found = new LinkedHashMap<>();
      for (Located group : productTree().field("product_groups").items()) {
        String groupId = group.text("group_id");
        if (groupId != null) {
          Set<String> members = found.computeIfAbsent(groupId, id -> new LinkedHashSet<>());
          for (Located productId : group.field("product_ids").items()) {
            if (productId.text() != null) {
              members.add(productId.text());
            }
          }
        }
      }
      groups = Collections.unmodifiableMap(found);
    }
    return groups;
  }

  /**
   * The product IDs an item (a flag, threat or remediation) applies to: its {@code product_ids} plus
   * the members of its {@code group_ids}.
   */
  Set<String> productsOf(Located item) {
    Set<String> products = new LinkedHashSet<>(strings(item.field("product_ids")));
    for (String groupId : strings(item.field("group_ids"))) {
      products.addAll(groups().getOrDefault(groupId, Set.of()));
    }
    return products;
  }

  /** The violations of the CSAF JSON schema, computed once (the validator and §6.2.20 both need them). */
  List<SchemaViolation> schemaViolations() {
    return memo("schema", () -> CsafSchemas.csaf().validate(root.node()));
  }

  /** Computes a value once per document, for results that several tests share. */
  @SuppressWarnings("unchecked")
  <T> T memo(String key, Supplier<T> compute) {
    Object value = memos.get(key);
    if (value == null) {
      value = compute.get();
      memos.put(key, value);
    }
    return (T) value;
  }

  /** The strings of an array, skipping anything that is not a string. */
  static List<String> strings(Located array) {
    List<String> values = new ArrayList<>();
    for (Located item : array.items()) {
      if (item.text() != null) {
        values.add(item.text());
      }
    }
    return values;
  }
}
