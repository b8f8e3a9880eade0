package org.accord.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.accord.notification.WebhookSignature;

/**
 * POSTs one signed JSON delivery to an organization's webhook (ADR 0120): {@code X-Accord-Timestamp}
 * (Unix seconds from the instance clock), {@code X-Accord-Signature} over timestamp and body ({@link
 * WebhookSignature}) and {@code X-Accord-Delivery}, the notification's idempotency key. A 2xx answer is
 * delivered; anything else, or no answer within the timeout, is a failure to retry. Redirects are not
 * followed, so a delivery goes only to the URL its organization set. Thread-safe.
 */
final class WebhookSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  /**
   * Sends one delivery.
   *
   * @throws IOException for no answer, or an answer that is not 2xx (the message names the status)
   */
  void send(URI url, String secret, String key, byte[] body, long timestampSeconds) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Accord-Webhook/1")
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds))
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestampSeconds, body))
        .header(WebhookSignature.DELIVERY_HEADER, key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the webhook answered HTTP " + response.statusCode());
    }
  }
}
