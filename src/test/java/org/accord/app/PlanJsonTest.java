package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveChannel;
import org.accord.disclosure.plan.WaveKind;
import org.accord.party.OrgKind;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
  static final Instant T = Instant.parse("2027-03-01T10:00:00Z");

  @Test
  void everyReasonKindRoundTrips() {
    Suggestion.DeploymentCount cell = new Suggestion.DeploymentCount("energy", "DE", "essential", 3);
    NotificationPlan plan = new NotificationPlan("coordinated", T, List.of(
        new Wave(1, WaveKind.COORDINATION, T, Optional.empty(), WaveChannel.INVITATION, Tlp.AMBER_STRICT, List.of(
            new Recipient("CC", OrgKind.CERT, "NL", true, List.of(new Recipient.Coordinates())),
            new Recipient("Libra", OrgKind.MAINTAINER, null, false, List.of(new Recipient.Maintains(List.of("pkg:maven/a/b")),
                new Recipient.Ships(new Suggestion.ProductPath("pkg:generic/x@1", List.of("pkg:generic/x@1", "pkg:maven/a/b@2"))))))),
        new Wave(2, WaveKind.OPERATORS, T.plusSeconds(60), Optional.of(Wave.Gate.FIX_READY), WaveChannel.INVITATION, Tlp.AMBER, List.of(
            new Recipient("GridCo", OrgKind.OPERATOR, "DE", false, List.of(new Recipient.Runs(List.of(cell)))),
            new Recipient("CERT-DE", OrgKind.CERT, "DE", false, List.of(new Recipient.NationalCert("DE", true))))),
        new Wave(3, WaveKind.PUBLICATION, T.plusSeconds(120), Optional.empty(), WaveChannel.PUBLICATION, Tlp.CLEAR, List.of())),
        List.of(new Suggestion.DeploymentCount("water", "FR", "", null)), List.of("a note"));
    String json = PlanJson.write(plan);
    assertThat(json).contains("\"kind\":\"national_cert\"").contains("\"kind\":\"runs\"").contains("\"kind\":\"ships\"")
        .contains("\"kind\":\"maintains\"").contains("\"kind\":\"coordinates\"").contains("\"rules\":[]").contains("\"conflicts\":[]")
        .contains("\"gate\":\"fix_ready\"").contains("\"roles\":[\"vendor\"]");
    assertThat(PlanJson.read(json)).isEqualTo(plan);
  }

  @Test
  void aDamagedBodyIsSaidSo() {
    assertThatThrownBy(() -> PlanJson.read("{\"strategy\": \"coordinated\", \"computed_at\": \"2027-03-01T10:00:00Z\", \"waves\": [{\"number\": 1,"
        + " \"kind\": \"coordination\", \"due\": \"2027-03-01T10:00:00Z\", \"channel\": \"invitation\", \"tlp\": \"TLP:AMBER\","
        + " \"recipients\": [{\"organization\": \"X\", \"kind\": \"vendor\", \"reasons\": [{\"kind\": \"bribed\"}]}]}]}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown kind 'bribed'");
  }
}
