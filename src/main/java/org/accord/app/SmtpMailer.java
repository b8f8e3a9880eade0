package org.accord.app;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one plain-text e-mail over SMTP with Jakarta Mail (Eclipse Angus), as {@link SmtpSettings}
 * say: STARTTLS when offered or required, or TLS from the start; the server's certificate and name are
 * checked (by the JDK's trust store, unless the settings bring a socket factory of their own). Each message carries the {@code Message-ID} it is given, the same on every retry, so a mail
 * client shows a message delivered twice (at-least-once) as one. Thread-safe: each send opens its own
 * session and connection.
 */
final class SmtpMailer {
  private static final String TIMEOUT_MILLIS = "20000";
  private final SmtpSettings settings;

  SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
  }

  /**
   * Sends one message.
   *
   * @param messageId the {@code Message-ID}, such as {@code <key@accord>}
   * @throws MessagingException if the server is unreachable, refuses, or does not upgrade a
   *     connection whose STARTTLS is required; nothing was accepted then
   */
  void send(String to, String subject, String body, String messageId, Date sent) throws MessagingException {
    String protocol = settings.tls() ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.put(p + "host", settings.host());
    properties.put(p + "port", String.valueOf(settings.port()));
    properties.put(p + "connectiontimeout", TIMEOUT_MILLIS);
    properties.put(p + "timeout", TIMEOUT_MILLIS);
    properties.put(p + "writetimeout", TIMEOUT_MILLIS);
    // The JDK's trust and Angus's host name check; a socket factory of one's own owns both decisions.
    properties.put(p + "ssl.checkserveridentity", String.valueOf(settings.sockets().isEmpty()));
    properties.put(p + "auth", String.valueOf(settings.user().isPresent()));
    if (!settings.tls()) {
      properties.put(p + "starttls.enable", String.valueOf(settings.startTls() != SmtpSettings.StartTls.OFF));
      properties.put(p + "starttls.required", String.valueOf(settings.startTls() == SmtpSettings.StartTls.REQUIRED));
    }
    settings.sockets().ifPresent(factory -> properties.put(p + "ssl.socketFactory", factory));
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(body, StandardCharsets.UTF_8.name());
    message.setSentDate(sent);
    message.saveChanges();
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect(settings.host(), settings.port(), settings.user().orElse(null), settings.password().orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
    }
  }
}
