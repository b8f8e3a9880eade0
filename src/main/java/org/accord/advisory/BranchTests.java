package org.accord.advisory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CSAF 2.0 tests on the categories and names of product tree branches: optional §6.2.18 and
 * informative §6.3.9 to §6.3.11. (The mandatory §6.1.31 on {@code product_version} names lives in
 * {@link ProductTreeTests}.) Stateless.
 */
final class BranchTests {
  private BranchTests() {}

  /** §6.2.18: the check the test deems sufficient for a vers range. */
  private static final Pattern VERS = Pattern.compile("^vers:[a-z.\\-+][a-z0-9.\\-+]*/.+", Pattern.DOTALL);

  /** §6.3.11: the check the test deems sufficient for a leading version indicator. */
  private static final Pattern V_VERSION = Pattern.compile("^[vV][0-9].*$", Pattern.DOTALL);

  /** §6.3.9: the branch categories every product should have above it, in this order. */
  private static final List<String> CATEGORY_PATH = List.of("vendor", "product_name", "product_version");

  /**
   * CSAF 2.0 §6.2.18 Product Version Range without vers (optional): the name of every branch of
   * category {@code product_version_range} is a vers range, which the test deems shown when it matches
   * {@code ^vers:[a-z\.\-\+][a-z0-9\.\-\+]*}{@code /.+}.
   */
  static void versionRangeWithoutVers(CsafDocument document, Findings findings) {
    for (Located branch : document.branches()) {
      String name = branch.text("name");
      if ("product_version_range".equals(branch.text("category")) && name != null && !VERS.matcher(name).matches()) {
        findings.add("6.2.18", branch.field("name"), "version range '" + name + "' is not in vers form (vers:<scheme>/<constraints>)");
      }
    }
  }

  /**
   * CSAF 2.0 §6.3.9 Branch Categories (informative): above every product in the branches, the branch
   * categories {@code vendor}, {@code product_name} and {@code product_version} occur in that order,
   * counting from the top and including the branch that holds the product. Other categories may come
   * before, between and after them, so the three only need to form a subsequence of the path.
   *
   * <p>Walked iteratively, carrying how much of the sequence the path so far matches: matching a
   * subsequence greedily from the top is exact, so one number per pending branch is all the state.
   */
  static void branchCategories(CsafDocument document, Findings findings) {
    record Pending(Located branch, int matched) {}
    Deque<Pending> pending = new ArrayDeque<>();
    List<Located> roots = document.productTree().field("branches").items();
    for (int index = roots.size() - 1; index >= 0; index--) {
      pending.push(new Pending(roots.get(index), 0));
    }
    while (!pending.isEmpty()) {
      Pending current = pending.pop();
      int matched = current.matched();
      if (matched < CATEGORY_PATH.size() && CATEGORY_PATH.get(matched).equals(current.branch().text("category"))) {
        matched++;
      }
      Located product = current.branch().field("product");
      if (product.node().isObject() && matched < CATEGORY_PATH.size()) {
        String productId = product.text("product_id");
        findings.add(
            "6.3.9",
            product,
            "product " + (productId == null ? "" : "'" + productId + "' ")
                + "has no ancestor branch of category '" + CATEGORY_PATH.get(matched) + "'"
                + (matched == 0 ? "" : " below its '" + CATEGORY_PATH.get(matched - 1) + "' branch")
                + " (expected vendor -> product_name -> product_version)");
      }
      List<Located> children = current.branch().field("branches").items();
      for (int index = children.size() - 1; index >= 0; index--) {
        pending.push(new Pending(children.get(index), matched));
      }
    }
  }

  /**
   * CSAF 2.0 §6.3.10 Usage of Product Version Range (informative): no branch has the category {@code
   * product_version_range}; machines match enumerated versions more reliably than ranges.
   */
  static void productVersionRange(CsafDocument document, Findings findings) {
    for (Located branch : document.branches()) {
      if ("product_version_range".equals(branch.text("category"))) {
        findings.add(
            "6.3.10",
            branch.field("category"),
            "branch '" + branch.text("name") + "' uses product_version_range; enumerate the versions where possible");
      }
    }
  }

  /**
   * CSAF 2.0 §6.3.11 Usage of V as Version Indicator (informative): the name of a branch of category
   * {@code product_version} does not start with {@code v} or {@code V} before the version, which the
   * test deems shown when it does not match {@code ^[vV][0-9].*$}.
   */
  static void vAsVersionIndicator(CsafDocument document, Findings findings) {
    for (Located branch : document.branches()) {
      String name = branch.text("name");
      if ("product_version".equals(branch.text("category")) && name != null && V_VERSION.matcher(name).matches()) {
        findings.add("6.3.11", branch.field("name"), "product_version '" + name + "' starts with a 'v'; give the version alone");
      }
    }
  }
}
