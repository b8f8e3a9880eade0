package org.accord.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.ledger.CanonicalJson;
import org.accord.ledger.Hash;
import org.accord.ledger.Receipt.Reveal;
import org.accord.ledger.VerificationException;

/**
 * What a published case reveals (ADR 0109): everything an auditor needs to check the case's whole
 * private history against the transparency log offline, with only the log's verifier key.
 *
 * <p>The case's events were logged as salted commitments on the case's private {@code prev} chain
 * (ADR 0087). The bundle holds, for each of them in chain order, its log index, the commitment entry,
 * its inclusion proof in {@link #checkpoint()} (a checkpoint signed before publication), and either the
 * salt and the event bytes that open the commitment or, for an event {@link RevealPolicy} withholds,
 * only the event's SHA-256 (so that the chain still links) and the reason class, never more. It also holds the
 * public {@code case.published} event's receipt, which names the chain's length and head, and a
 * consistency proof from {@code checkpoint} to the receipt's checkpoint. {@link CaseRevealVerifier}
 * checks it.
 *
 * <p>A pure, immutable record. {@link #toJson()} writes canonical JSON (RFC 8785); {@link #parse}
 * reads it back and throws {@link VerificationException} naming the member that is malformed.
 *
 * @param caseId the case
 * @param origin the log's origin, as its checkpoints name it
 * @param checkpoint the signed checkpoint note the events prove inclusion in; signed before publication
 * @param events the case's private events in chain order
 * @param published the {@code case.published} receipt in its JSON form ({@link org.accord.ledger.Receipt#toJson()})
 * @param consistency the consistency proof from {@code checkpoint} to the published receipt's checkpoint
 */
public record RevealBundle(CaseId caseId, String origin, String checkpoint, List<Event> events, String published,
    List<Hash> consistency) {
  /** The bundle format version, the {@code v} member. */
  public static final int FORMAT_VERSION = 1;
  /** The event type that publishes a case. */
  public static final String PUBLISHED = CaseEventType.PUBLISHED.label();

  public RevealBundle {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(published, "published");
    events = List.copyOf(events);
    consistency = List.copyOf(consistency);
  }

  /** The log subject of a case's events: {@code case:ACC-…}. */
  public static String subject(CaseId id) {
    return "case:" + id;
  }

  /**
   * One private event of the case.
   *
   * @param index its log index
   * @param entry the log entry: the commitment {@code {"commitment":…,"v":1}}
   * @param proof its inclusion proof in the bundle's checkpoint
   * @param reveal the salt and event bytes; empty for a withheld event
   * @param eventHash SHA-256 of the event's canonical bytes (for a revealed event, of its bytes)
   * @param withheld why the event is withheld; present exactly when {@code reveal} is empty
   */
  public record Event(long index, byte[] entry, List<Hash> proof, Optional<Reveal> reveal, Hash eventHash,
      Optional<RevealPolicy.Reason> withheld) {
    public Event {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(reveal, "reveal");
      Objects.requireNonNull(eventHash, "eventHash");
      Objects.requireNonNull(withheld, "withheld");
      if (reveal.isPresent() == withheld.isPresent()) {
        throw new IllegalArgumentException("an event is either revealed or withheld with a reason");
      }
      entry = entry.clone();
      proof = List.copyOf(proof);
    }

    /** A revealed event: its hash is that of its bytes. */
    public static Event revealed(long index, byte[] entry, List<Hash> proof, byte[] salt, byte[] event) {
      return new Event(index, entry, proof, Optional.of(new Reveal(salt, event)), Hash.sha256(event), Optional.empty());
    }

    /** A withheld event: only its hash, and why. */
    public static Event withheld(long index, byte[] entry, List<Hash> proof, Hash eventHash, RevealPolicy.Reason reason) {
      return new Event(index, entry, proof, Optional.empty(), eventHash, Optional.of(reason));
    }

    @Override
    public byte[] entry() {
      return entry.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Event that && index == that.index && Arrays.equals(entry, that.entry) && proof.equals(that.proof)
          && reveal.equals(that.reveal) && eventHash.equals(that.eventHash) && withheld.equals(that.withheld);
    }

    @Override
    public int hashCode() {
      return Objects.hash(index, Arrays.hashCode(entry), proof, reveal, eventHash, withheld);
    }
  }

  /**
   * The bundle as canonical JSON; byte arrays in standard base64, hashes of the chain in hex. A withheld
   * event's {@code withheld} member is its reason's label ({@code item_tlp}, {@code person}, {@code
   * unnamed_party}); bundles written before ADR 0115 say {@code true}, which withheld items only.
   */
  public String toJson() {
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("case", caseId.toString());
    out.put("origin", origin);
    out.put("checkpoint", checkpoint);
    List<Object> list = new ArrayList<>();
    for (Event e : events) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("index", e.index());
      one.put("entry", b64.encodeToString(e.entry));
      one.put("proof", e.proof().stream().map(Hash::base64).toList());
      one.put("event_hash", e.eventHash().hex());
      if (e.reveal().isPresent()) {
        one.put("salt", b64.encodeToString(e.reveal().get().salt()));
        one.put("event", b64.encodeToString(e.reveal().get().event()));
      } else {
        one.put("withheld", e.withheld().orElseThrow().label());
      }
      list.add(one);
    }
    out.put("events", list);
    out.put("published", CanonicalJson.parse(published));
    out.put("consistency", consistency.stream().map(Hash::base64).toList());
    out.put("v", FORMAT_VERSION);
    return CanonicalJson.string(out);
  }

  /**
   * Reads a bundle.
   *
   * @throws VerificationException naming the member that is missing or malformed
   */
  public static RevealBundle parse(String text) throws VerificationException {
    Object parsed;
    try {
      parsed = CanonicalJson.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new VerificationException("the reveal bundle is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new VerificationException("the reveal bundle is not a JSON object");
    }
    if (!(map.get("v") instanceof BigDecimal v) || v.compareTo(BigDecimal.valueOf(FORMAT_VERSION)) != 0) {
      throw new VerificationException("the reveal bundle's format version \"v\" is " + map.get("v") + ", expected " + FORMAT_VERSION);
    }
    CaseId id;
    try {
      id = CaseId.parse(string(map, "case", ""));
    } catch (RuntimeException e) {
      throw new VerificationException("\"case\" is not a case id: " + e.getMessage());
    }
    if (!(map.get("events") instanceof List<?> items)) {
      throw new VerificationException("the reveal bundle has no \"events\" array");
    }
    List<Event> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String where = "events[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> one)) {
        throw new VerificationException("not an object", where);
      }
      long at;
      try {
        at = ((BigDecimal) one.get("index")).longValueExact();
      } catch (ClassCastException | NullPointerException | ArithmeticException e) {
        at = -1;
      }
      if (at < 0) {
        throw new VerificationException("\"index\" is not a log index", where);
      }
      byte[] entry = base64(one, "entry", where);
      List<Hash> proof = hashes(one.get("proof"), where + ".proof");
      Hash hash;
      try {
        hash = Hash.fromHex(string(one, "event_hash", where));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("\"event_hash\" is not a hex SHA-256: " + e.getMessage(), where);
      }
      Object withheld = one.get("withheld");
      if (withheld == null || Boolean.FALSE.equals(withheld)) {
        events.add(new Event(at, entry, proof, Optional.of(new Reveal(base64(one, "salt", where), base64(one, "event", where))), hash,
            Optional.empty()));
      } else if (Boolean.TRUE.equals(withheld)) {
        events.add(Event.withheld(at, entry, proof, hash, RevealPolicy.Reason.ITEM_TLP)); // before ADR 0115: items only
      } else {
        RevealPolicy.Reason reason = withheld instanceof String label ? RevealPolicy.Reason.fromLabel(label).orElse(null) : null;
        if (reason == null) {
          throw new VerificationException("\"withheld\" is not a reason: item_tlp, message, person or unnamed_party", where);
        }
        events.add(Event.withheld(at, entry, proof, hash, reason));
      }
    }
    if (!(map.get("published") instanceof Map<?, ?> published)) {
      throw new VerificationException("the reveal bundle has no \"published\" receipt object");
    }
    return new RevealBundle(id, string(map, "origin", ""), string(map, "checkpoint", ""), events, CanonicalJson.string(published),
        hashes(map.get("consistency"), "consistency"));
  }

  private static String string(Map<?, ?> map, String name, String where) throws VerificationException {
    if (!(map.get(name) instanceof String value)) {
      throw new VerificationException("\"" + name + "\" is missing or not a string", where);
    }
    return value;
  }

  private static byte[] base64(Map<?, ?> map, String name, String where) throws VerificationException {
    try {
      return Base64.getDecoder().decode(string(map, name, where));
    } catch (IllegalArgumentException e) {
      throw new VerificationException("\"" + name + "\" is not valid base64", where);
    }
  }

  private static List<Hash> hashes(Object value, String where) throws VerificationException {
    if (!(value instanceof List<?> list)) {
      throw new VerificationException("not an array of base64 hashes", where);
    }
    List<Hash> out = new ArrayList<>(list.size());
    for (Object item : list) {
      try {
        out.add(Hash.fromBase64((String) item));
      } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
        throw new VerificationException("not an array of base64 hashes", where);
      }
    }
    return out;
  }
}
