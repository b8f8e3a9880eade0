package org.accord.disclosure;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.accord.InvalidInputException;
import org.accord.disclosure.IllegalTransitionException.Machine;

/**
 * The case state VFDPXA of one case: {@link VfdState} (vendor aware, fix ready, fix deployed) per
 * vendor participant, keyed by the vendor organization's id, and one {@link PxaState} (public aware,
 * exploit public, attacks observed) for the whole case.
 *
 * <p>Immutable and thread-safe; every transition returns a new value. The invariants hold for every
 * instance: D ⇒ F ⇒ V per vendor, X ⇒ P, and P ⇒ V for every vendor. A transition that would break
 * them, or repeat an event that already happened, throws {@link IllegalTransitionException} with the
 * reason; naming a vendor that is not a participant throws {@link InvalidInputException}.
 *
 * @param pxa the case-wide state
 * @param vendors the vendor participants' states by organization id, in id order; unmodifiable
 */
public record CaseState(PxaState pxa, Map<Long, VfdState> vendors) {
  /*
   * What. Vultron's CS model (docs/topics/process_models/cs/cs_model.md, cs/transitions.md,
   * cs/model_definition.md) is a DFA over the 32 states vfdpxa..VFDPXA in which every transition turns
   * exactly one letter from lower to upper case, history being immutable. Its rules:
   *  - the vendor fix path is causal: vfd -V-> Vfd -F-> VFd -D-> VFD (so D implies F implies V);
   *  - vendors know at least what the public knows: v..P.. leads only to V..P..;
   *  - exploit publication is public awareness: ...pX. leads only to ...PX. (constraint C-15,
   *    CSB-05-001: "CX in state ...px. ... transition to both Public Aware and Exploit Public");
   *  - attacks do not by themselves make the public aware (...p.A persists).
   * Vultron keeps VFD per vendor participant and PXA per case (CM-03-004, CM-03-005 in
   * specs/case-management.md; model_interactions/cs_global_local.md; CSB-01..03 record a sender's V,
   * F, D; CSB-04..06 change the receiver's own P, X, A).
   *
   * How. The two transient states are resolved inside the transition, as Vultron resolves them: X in
   * ...p.. sets P and X together, and P (or X) sets V for every vendor that was not yet aware; a vendor
   * that joins a public case joins aware. Anything else that would skip a step of the fix path is
   * refused with the rule it breaks, and repeating an event is refused because nothing changes (Vultron
   * acknowledges a duplicate without a transition, CSB-04-004). The EM consequences of a change of PXA
   * are EmbargoManagement.onCaseStateChange's.
   *
   * Why records: the state is a value that the store writes and the web shows; making every instance
   * valid by construction means no layer can hold a case that is fix-deployed but unaware.
   *
   * [1] CERT/CC Vultron, docs/topics/process_models/cs/transitions.md and cs/cs_model.md.
   * [2] CERT/CC Vultron, specs/cs-behavior.yaml, CSB-01 to CSB-06; specs/case-management.md, CM-03.
   * [3] Householder and Spring, "A State-Based Model for Multi-Party Coordinated Vulnerability
   *     Disclosure", CMU/SEI-2021-SR-021, section 2.4.
   */

  /** A case with no vendor participants yet and nothing public: {@code ...pxa}. */
  public static final CaseState INITIAL = new CaseState(PxaState.INITIAL, Map.of());

  /**
   * @throws IllegalArgumentException if an invariant does not hold (P without every vendor aware)
   */
  public CaseState {
    Objects.requireNonNull(pxa, "pxa");
    TreeMap<Long, VfdState> copy = new TreeMap<>();
    for (Map.Entry<Long, VfdState> e : vendors.entrySet()) {
      VfdState v = Objects.requireNonNull(e.getValue(), "vendor state");
      if (pxa.publicAware() && !v.vendorAware()) {
        throw new IllegalArgumentException("vendor " + e.getKey()
            + " is unaware of a public vulnerability; vendors know what the public knows (P implies V)");
      }
      copy.put(Objects.requireNonNull(e.getKey(), "vendor id"), v);
    }
    vendors = Collections.unmodifiableMap(copy);
  }

  /**
   * This case with {@code vendorOrgId} as a vendor participant: unaware ({@code vfd}), or aware if
   * the public already is. Adding a vendor that is already one returns this case unchanged.
   */
  public CaseState withVendor(long vendorOrgId) {
    if (vendors.containsKey(vendorOrgId)) {
      return this;
    }
    TreeMap<Long, VfdState> copy = new TreeMap<>(vendors);
    copy.put(vendorOrgId, pxa.publicAware() ? VfdState.AWARE : VfdState.UNAWARE);
    return new CaseState(pxa, copy);
  }

  /** The state of one vendor participant. */
  public VfdState vendor(long vendorOrgId) {
    VfdState v = vendors.get(vendorOrgId);
    if (v == null) {
      throw new InvalidInputException("organization " + vendorOrgId + " is not a vendor participant of this case",
          "vendor");
    }
    return v;
  }

  /**
   * The case after the case-wide event {@code event} (P, X or A). X sets P too; P sets V for every
   * vendor.
   *
   * @throws IllegalArgumentException if {@code event} is a per-vendor event (use {@link #next(long,
   *     CsEvent)})
   * @throws IllegalTransitionException if the event already happened
   */
  public CaseState next(CsEvent event) {
    if (event.perVendor()) {
      throw new IllegalArgumentException(event + " happens to a vendor participant; name the vendor");
    }
    boolean p = pxa.publicAware();
    boolean x = pxa.exploitPublic();
    boolean a = pxa.attacksObserved();
    switch (event) {
      case PUBLIC_AWARE:
        if (p) {
          throw refused(code(), event, "the public is already aware; case state events happen once");
        }
        p = true;
        break;
      case EXPLOIT_PUBLIC:
        if (x) {
          throw refused(code(), event, "an exploit is already public; case state events happen once");
        }
        x = true;
        p = true;
        break;
      case ATTACKS_OBSERVED:
      default:
        if (a) {
          throw refused(code(), event, "attacks were already observed; case state events happen once");
        }
        a = true;
        break;
    }
    PxaState after = new PxaState(p, x, a);
    Map<Long, VfdState> vs = vendors;
    if (p) {
      TreeMap<Long, VfdState> copy = new TreeMap<>();
      vendors.forEach((id, v) -> copy.put(id, v.vendorAware() ? v : VfdState.AWARE));
      vs = copy;
    }
    return new CaseState(after, vs);
  }

  /**
   * The case after the per-vendor event {@code event} (V, F or D) of {@code vendorOrgId}.
   *
   * @throws IllegalArgumentException if {@code event} is a case-wide event (use {@link #next(CsEvent)})
   * @throws InvalidInputException if the organization is not a vendor participant
   * @throws IllegalTransitionException if the event already happened or skips a step of V, F, D
   */
  public CaseState next(long vendorOrgId, CsEvent event) {
    if (!event.perVendor()) {
      throw new IllegalArgumentException(event + " happens to the whole case, not to one vendor");
    }
    VfdState v = vendor(vendorOrgId);
    String from = code(vendorOrgId);
    VfdState after;
    switch (event) {
      case VENDOR_AWARE:
        if (v.vendorAware()) {
          throw refused(from, event, "the vendor is already aware; case state events happen once");
        }
        after = VfdState.AWARE;
        break;
      case FIX_READY:
        if (v.fixReady()) {
          throw refused(from, event, "the fix is already ready; case state events happen once");
        }
        if (!v.vendorAware()) {
          throw refused(from, event, "a fix cannot be ready before the vendor is aware (F implies V)");
        }
        after = new VfdState(true, true, false);
        break;
      case FIX_DEPLOYED:
      default:
        if (v.fixDeployed()) {
          throw refused(from, event, "the fix is already deployed; case state events happen once");
        }
        if (!v.fixReady()) {
          throw refused(from, event, "a fix cannot be deployed before it is ready (D implies F implies V)");
        }
        after = new VfdState(true, true, true);
        break;
    }
    TreeMap<Long, VfdState> copy = new TreeMap<>(vendors);
    copy.put(vendorOrgId, after);
    return new CaseState(pxa, copy);
  }

  /** The case-wide state as Vultron writes a pattern over any vendor, e.g. {@code ...PXa}. */
  public String code() {
    return "..." + pxa.code();
  }

  /** The six letters for one vendor participant as Vultron writes them, e.g. {@code VFdPXa}. */
  public String code(long vendorOrgId) {
    return vendor(vendorOrgId).code() + pxa.code();
  }

  private static IllegalTransitionException refused(String from, CsEvent event, String reason) {
    return new IllegalTransitionException(Machine.CS, from, event.name(), reason);
  }
}
