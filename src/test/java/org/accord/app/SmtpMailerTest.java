package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.accord.testing.StartTlsFront;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 2: {@link SmtpMailer} upgrades with STARTTLS (RFC 3207) when the server offers it, and
 * with {@code starttls=required} sends nothing over a connection that was not upgraded. The server is a
 * real GreenMail behind {@link StartTlsFront}, which adds the STARTTLS GreenMail lacks (ADR 0128); the
 * client trusts GreenMail's certificate only, so the chain is really checked.
 */
class SmtpMailerTest {
  GreenMail mail;
  StartTlsFront front;

  @BeforeEach
  void start() throws Exception {
    mail = new GreenMail(new ServerSetup(NotificationsTest.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    front = new StartTlsFront(mail.getSmtp().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    front.close();
    mail.stop();
  }

  SmtpMailer mailer(int port, String starttls) throws Exception {
    return new SmtpMailer(SmtpSettings.parse("smtp://127.0.0.1:" + port + "?from=accord@accord.example" + starttls)
        .withSockets(StartTlsFront.trustingGreenMail()));
  }

  void send(SmtpMailer mailer, String id) throws MessagingException {
    mailer.send("b1@beta.example", "[Accord] Activity on case ACC-2026-0001", "Case ACC-2026-0001", "<" + id + "@accord>", new Date());
  }

  @Test
  void theDefaultUpgradesWhenTheServerOffersStartTls() throws Exception {
    send(mailer(front.port(), ""), "optional");
    assertThat(front.upgraded()).singleElement().satisfies(protocol -> assertThat(protocol).startsWith("TLSv1."));
    assertThat(front.refused()).as("nothing was sent before the upgrade").isEmpty();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).singleElement().satisfies(m -> {
      assertThat(m.getMessageID()).isEqualTo("<optional@accord>");
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("b1@beta.example");
    });
  }

  @Test
  void requiredDeliversOverTheUpgradedConnectionAndRefusesAPlainServer() throws Exception {
    send(mailer(front.port(), "&starttls=required"), "required");
    assertThat(front.upgraded()).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(1);

    // GreenMail itself offers no STARTTLS: with it required, nothing goes out in the clear.
    assertThatThrownBy(() -> send(mailer(mail.getSmtp().getPort(), "&starttls=required"), "plain"))
        .isInstanceOf(MessagingException.class).hasMessageContaining("STARTTLS");
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void offNeverUpgradesSoAServerThatRequiresTlsRefusesIt() throws Exception {
    assertThatThrownBy(() -> send(mailer(front.port(), "&starttls=off"), "off")).isInstanceOf(MessagingException.class)
        .hasMessageContaining("530");
    assertThat(front.upgraded()).isEmpty();
    assertThat(front.refused()).first().asString().startsWith("MAIL FROM");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
