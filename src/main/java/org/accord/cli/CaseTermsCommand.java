package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.app.CaseTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accord case terms ACC-… [--policy ID | --no-policy] [--network-product yes|no|unknown]
 * [--significant-incident yes|no|unknown]}: shows or declares a case's terms (ADR 0152), through the API
 * like the other case commands (ADR 0099), or on the data directory.
 */
@Command(name = "terms", description = {"Show or declare a case's disclosure policy and facts.",
    "Without options, shows them. --policy adopts a published disclosure policy (project-zero, zdi, cert-cc, linux-distros;"
        + " see accord rules list): no embargo may then end after its deadline. --network-product and --significant-incident"
        + " declare the facts the rule packs test that Accord does not record, so that a plan's rules apply or not instead of"
        + " 'if'. The case owner or the coordinator declares; every participant reads."},
    footer = {"", "Examples:", "  accord case terms ACC-2026-0001", "  accord case terms ACC-2026-0001 --policy cert-cc",
        "  accord case terms ACC-2026-0001 --network-product yes --json",
        "  accord case terms ACC-2026-0001 --significant-incident unknown",
        "  accord case terms ACC-2026-0001 --no-policy"})
final class CaseTermsCommand extends CaseCommand.OnCase {
  @Option(names = "--policy", paramLabel = "ID", description = "Adopt this disclosure policy.")
  String policy;

  @Option(names = "--no-policy", description = "Drop the adopted policy.")
  boolean noPolicy;

  @Option(names = "--network-product", paramLabel = "ANSWER",
      description = "yes, no or unknown: whether an affected product is a network product.")
  String networkProduct;

  @Option(names = "--significant-incident", paramLabel = "ANSWER",
      description = "yes, no or unknown: whether operators had a significant incident caused by the flaw.")
  String significantIncident;

  @Override
  protected boolean createsData() {
    return declares();
  }

  private boolean declares() {
    return policy != null || noPolicy || networkProduct != null || significantIncident != null;
  }

  @Override
  protected int execute() {
    if (policy != null && noPolicy) {
      throw new InvalidInputException("--policy adopts and --no-policy drops: give one", "policy");
    }
    CaseTerms.Change<Boolean> network = fact(networkProduct, "network-product");
    CaseTerms.Change<Boolean> incident = fact(significantIncident, "significant-incident");
    Map<String, Object> answer;
    if (!declares()) {
      answer = remote().isPresent() ? remote().get().get(path("/terms"), Remote.query(), Map.class)
          : context().accord().caseTerms().show(actingAs(organization), id);
    } else if (remote().isPresent()) {
      Map<String, Object> body = new LinkedHashMap<>();
      if (policy != null || noPolicy) {
        body.put("policy", policy);
      }
      put(body, "network_product", network);
      put(body, "significant_incident", incident);
      answer = remote().get().postJson(path("/terms"), body, Map.class);
    } else {
      CaseTerms.Change<String> chosen = noPolicy ? CaseTerms.Change.to(null) : policy != null ? CaseTerms.Change.to(policy)
          : CaseTerms.Change.keep();
      answer = context().accord().caseTerms().declare(actingAs(organization), id, chosen, network, incident);
    }
    if (json) {
      printJson(answer);
      return Main.OK;
    }
    if (answer.get("policy") instanceof Map<?, ?> adopted) {
      out().printf("Policy: %s, adopted %s%n", adopted.get("id"), adopted.get("adopted_at"));
      out().printf("  public by %s at the latest: %s%n", adopted.get("deadline") == null ? "(unknown)" : adopted.get("deadline"),
          adopted.get("reason"));
    } else {
      out().println("Policy: none");
    }
    if (answer.get("facts") instanceof Map<?, ?> facts) {
      out().printf("Network product: %s%n", label(facts.get("network_product")));
      out().printf("Significant incident: %s%n", label(facts.get("significant_incident")));
    }
    if (answer.get("embargo_end") != null) {
      out().printf("Embargo in force ends: %s%n", answer.get("embargo_end"));
    }
    return Main.OK;
  }

  private static CaseTerms.Change<Boolean> fact(String value, String option) {
    if (value == null) {
      return CaseTerms.Change.keep();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> CaseTerms.Change.to(true);
      case "no", "false" -> CaseTerms.Change.to(false);
      case "unknown" -> CaseTerms.Change.clear();
      default -> throw new InvalidInputException("--" + option + " is yes, no or unknown, not '" + value + "'", option);
    };
  }

  private static void put(Map<String, Object> body, String name, CaseTerms.Change<Boolean> change) {
    if (change instanceof CaseTerms.Change.Set<Boolean> set) {
      body.put(name, set.value());
    } else if (change instanceof CaseTerms.Change.Clear<Boolean>) {
      body.put(name, null);
    }
  }

  private static String label(Object fact) {
    return fact == null ? "not declared" : Boolean.TRUE.equals(fact) ? "yes" : "no";
  }
}
