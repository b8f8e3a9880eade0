package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accord.EnvironmentException;
import org.junit.jupiter.api.Test;

/** {@code ACCORD_SMTP_URL} as an operator writes it. */
class SmtpSettingsTest {
  @Test
  void readsUserPasswordHostPortStartTlsAndSender() {
    SmtpSettings s = SmtpSettings.parse("smtp://mailer%40example.org:p%40ss@mail.example.org:587?starttls=required&from=Accord@Example.org");
    assertThat(s.tls()).isFalse();
    assertThat(s.user()).contains("mailer@example.org");
    assertThat(s.password()).contains("p@ss");
    assertThat(s.host()).isEqualTo("mail.example.org");
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.startTls()).isEqualTo(SmtpSettings.StartTls.REQUIRED);
    assertThat(s.from()).isEqualTo("accord@example.org");
    assertThat(s.toString()).doesNotContain("p@ss");
    SmtpSettings tls = SmtpSettings.parse("smtps://mail.example.org?from=a@example.org");
    assertThat(tls.port()).isEqualTo(465);
    assertThat(tls.startTls()).isEqualTo(SmtpSettings.StartTls.OFF);
    assertThat(SmtpSettings.parse("smtp://h.example?from=a@example.org").startTls()).isEqualTo(SmtpSettings.StartTls.OPTIONAL);
  }

  @Test
  void refusesWhatItCannotUseWithoutShowingThePassword() {
    for (String bad : new String[] {"http://h.example?from=a@example.org", "smtp://h.example", "smtp://u:secretpw@h.example?from=nope",
        "smtp://h.example?from=a@example.org&starttls=maybe", "smtps://h.example?from=a@example.org&starttls=required",
        "smtp://h.example?from=a@example.org&relay=1"}) {
      assertThatThrownBy(() -> SmtpSettings.parse(bad)).as(bad).isInstanceOf(EnvironmentException.class)
          .hasMessageContaining("ACCORD_SMTP_URL").hasMessageNotContaining("secretpw");
    }
  }
}
