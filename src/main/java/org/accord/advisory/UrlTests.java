package org.accord.advisory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CSAF 2.0 informative tests that resolve the URLs a document gives: §6.3.6 (every URL that is not
 * a {@code self} reference) and §6.3.7 (the {@code self} references). A URL passes when it answers
 * with an HTTP status in the 2xx or 3xx class.
 *
 * <p>The tests ask the run's {@link UrlResolver} (see {@link CsafDocument#urls()}); each distinct URL is
 * resolved once per document. A URL the resolver did not check is reported as {@linkplain
 * CsafValidation#unchecked() unchecked}, not as a finding. Stateless.
 */
final class UrlTests {
  private UrlTests() {}

  /**
   * CSAF 2.0 §6.3.6 Use of non-self referencing URLs Failing to Resolve (informative), at the paths the
   * test lists: acknowledgment URLs, the namespaces of the aggregate severity and the publisher, the
   * TLP URL, references other than {@code self} (a reference without category is {@code external}),
   * the SBOM URLs and generic URIs (namespace and URI) of every Full Product Name, and remediation URLs.
   */
  static void nonSelfUrls(CsafDocument document, Findings findings) {
    List<Located> urls = new ArrayList<>();
    Located meta = document.document();
    for (Located acknowledgment : meta.field("acknowledgments").items()) {
      urls.addAll(acknowledgment.field("urls").items());
    }
    urls.add(meta.field("aggregate_severity").field("namespace"));
    urls.add(meta.field("distribution").field("tlp").field("url"));
    urls.addAll(referenceUrls(meta.field("references"), false));
    urls.add(meta.field("publisher").field("namespace"));
    for (Located product : document.fullProductNames()) {
      Located helper = product.field("product_identification_helper");
      urls.addAll(helper.field("sbom_urls").items());
      for (Located generic : helper.field("x_generic_uris").items()) {
        urls.add(generic.field("namespace"));
        urls.add(generic.field("uri"));
      }
    }
    for (Located vulnerability : document.vulnerabilities()) {
      for (Located acknowledgment : vulnerability.field("acknowledgments").items()) {
        urls.addAll(acknowledgment.field("urls").items());
      }
      urls.addAll(referenceUrls(vulnerability.field("references"), false));
      for (Located remediation : vulnerability.field("remediations").items()) {
        urls.add(remediation.field("url"));
      }
    }
    check(document, findings, "6.3.6", urls);
  }

  /**
   * CSAF 2.0 §6.3.7 Use of self referencing URLs Failing to Resolve (informative): the URL of every
   * reference of category {@code self}, in the document and in each vulnerability. (The test notes
   * that it will most likely fail before the initial release.)
   */
  static void selfUrls(CsafDocument document, Findings findings) {
    List<Located> urls = new ArrayList<>(referenceUrls(document.document().field("references"), true));
    for (Located vulnerability : document.vulnerabilities()) {
      urls.addAll(referenceUrls(vulnerability.field("references"), true));
    }
    check(document, findings, "6.3.7", urls);
  }

  private static List<Located> referenceUrls(Located references, boolean self) {
    List<Located> urls = new ArrayList<>();
    for (Located reference : references.items()) {
      if ("self".equals(reference.text("category")) == self) {
        urls.add(reference.field("url"));
      }
    }
    return urls;
  }

  private static void check(CsafDocument document, Findings findings, String testId, List<Located> urls) {
    Map<String, UrlResolver.Resolution> resolved = document.memo("urls", HashMap::new);
    for (Located url : urls) {
      String text = url.text();
      if (text == null) {
        continue;
      }
      UrlResolver.Resolution resolution = resolved.computeIfAbsent(text, document.urls()::resolve);
      Objects.requireNonNull(resolution, "the URL resolver answered null");
      if (resolution instanceof UrlResolver.Status status) {
        if (!status.resolves()) {
          findings.add(testId, url, "'" + text + "' answers with HTTP status " + status.code() + " (2xx or 3xx expected)");
        }
      } else if (resolution instanceof UrlResolver.Failed failed) {
        findings.add(testId, url, "'" + text + "' does not resolve: " + failed.reason());
      } else if (resolution instanceof UrlResolver.NotChecked notChecked) {
        findings.unchecked(testId, url.path(), notChecked.reason());
      }
    }
  }
}
