package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.disclosure.Tlp.Origin;
import org.accord.disclosure.Tlp.Recipients;
import org.accord.disclosure.Tlp.Viewer;
import org.junit.jupiter.api.Test;

class TlpTest {
  static final long OWNER = 1;
  static final long CONCERNED = 2;
  static final long OTHER_PARTICIPANT = 3;
  static final long OUTSIDER = 4;
  static final long CERT = 5;
  static final long CREATOR = 11;
  static final long NAMED_MEMBER = 31;
  static final long NAMED_COORDINATOR = 61;
  /** A status about CONCERNED, set by the person CREATOR of OWNER. */
  static final Origin ORIGIN = Origin.of(CONCERNED, OWNER, CREATOR);
  static final Recipients RECIPIENTS = new Recipients(Set.of(NAMED_MEMBER, NAMED_COORDINATOR));

  /** Every kind of viewer, by name; the named member belongs to a participant that is not itself named. */
  static final Map<String, Viewer> VIEWERS = new LinkedHashMap<>();

  static {
    VIEWERS.put("creator", Viewer.of(OWNER, CREATOR, true, false));
    VIEWERS.put("creator's colleague", Viewer.of(OWNER, 12L, true, false));
    VIEWERS.put("creator's machine", Viewer.of(OWNER, null, true, false));
    VIEWERS.put("concerned", Viewer.of(CONCERNED, 21L, true, false));
    VIEWERS.put("named member", Viewer.of(OTHER_PARTICIPANT, NAMED_MEMBER, true, false));
    VIEWERS.put("participant", Viewer.of(OTHER_PARTICIPANT, 32L, true, false));
    VIEWERS.put("coordinator", Viewer.of(CERT, null, false, true));
    VIEWERS.put("named coordinator", Viewer.of(CERT, NAMED_COORDINATOR, false, true));
    VIEWERS.put("outsider", Viewer.of(OUTSIDER, 41L, false, false));
    VIEWERS.put("anonymous", Viewer.anonymous());
  }

  /** Expected visibility, in VIEWERS order: 1 sees, 0 does not. Before publication, then after. */
  static final Map<Tlp, String[]> TABLE = Map.of(
      Tlp.RED, new String[] {"1000100100", "1000100100"},
      Tlp.AMBER_STRICT, new String[] {"1111000000", "1111000000"},
      Tlp.AMBER, new String[] {"1111111100", "1111111100"},
      Tlp.GREEN, new String[] {"1111111100", "1111111100"},
      Tlp.CLEAR, new String[] {"1111111100", "1111111111"});

  @Test
  void needToKnowTableOverEveryLevelAndViewerKind() {
    assertThat(TABLE).containsOnlyKeys(Tlp.values());
    for (Tlp tlp : Tlp.values()) {
      for (int published = 0; published < 2; published++) {
        StringBuilder row = new StringBuilder();
        for (Viewer viewer : VIEWERS.values()) {
          row.append(tlp.allows(ORIGIN, RECIPIENTS, viewer, published == 1) ? '1' : '0');
        }
        assertThat(row.toString()).as("%s, published=%s, viewers %s", tlp, published == 1, VIEWERS.keySet())
            .isEqualTo(TABLE.get(tlp)[published]);
      }
    }
  }

  @Test
  void redWithoutRecipientsReachesOnlyItsCreator() {
    for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
      assertThat(Tlp.RED.allows(ORIGIN, Recipients.none(), entry.getValue(), true)).as(entry.getKey())
          .isEqualTo(entry.getKey().equals("creator"));
    }
  }

  @Test
  void aRedItemAMachineCreatedIsItsWholeOrganizations() {
    for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
      assertThat(Tlp.RED.allows(OWNER, Recipients.none(), entry.getValue(), false)).as(entry.getKey())
          .isEqualTo(entry.getKey().startsWith("creator"));
    }
  }

  @Test
  void anItemIsNeverLessRestrictedThanItsCaseAndOnlyRedNamesRecipients() {
    for (Tlp item : Tlp.values()) {
      for (Tlp kase : Tlp.values()) {
        if (kase.stricterThan(item)) {
          assertThatThrownBy(() -> item.checkItem(kase, 0)).isInstanceOf(InvalidInputException.class)
              .hasMessageContaining(kase.label())
              .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("tlp"));
        } else {
          item.checkItem(kase, 0);
        }
      }
    }
    Tlp.RED.checkItem(Tlp.RED, 3);
    assertThatThrownBy(() -> Tlp.AMBER_STRICT.checkItem(Tlp.AMBER, 1)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("recipients"));
  }

  @Test
  void labelsAreTheOfficialOnesAndParseBack() {
    assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("TLP:AMBER+STRICT");
    for (Tlp tlp : Tlp.values()) {
      assertThat(Tlp.parse(tlp.label())).isEqualTo(tlp);
      assertThat(Tlp.parse(" " + tlp.label().substring(4).toLowerCase() + " ")).isEqualTo(tlp);
    }
  }

  @Test
  void orderGoesFromClearToRed() {
    assertThat(Tlp.values()).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
    assertThat(Tlp.RED.stricterThan(Tlp.AMBER_STRICT)).isTrue();
    assertThat(Tlp.AMBER_STRICT.stricterThan(Tlp.AMBER)).isTrue();
    assertThat(Tlp.CLEAR.stricterThan(Tlp.GREEN)).isFalse();
    assertThat(Tlp.GREEN.stricterThan(Tlp.GREEN)).isFalse();
  }

  @Test
  void unknownLabelsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> Tlp.parse("TLP:AMBER-STRICT"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'TLP:AMBER-STRICT'")
        .hasMessageContaining("TLP:AMBER+STRICT")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("tlp"));
    assertThatThrownBy(() -> Tlp.parse("TLP:WHITE")).hasMessageContaining("replaced TLP:WHITE with TLP:CLEAR");
    assertThatThrownBy(() -> Tlp.parse(" ")).hasMessageContaining("required");
    assertThatThrownBy(() -> Tlp.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anAnonymousViewerCannotClaimParticipation() {
    assertThatThrownBy(() -> new Viewer(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), true, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
