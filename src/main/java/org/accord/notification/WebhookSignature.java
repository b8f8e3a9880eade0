package org.accord.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery (ADR 0120): {@code X-Accord-Signature: sha256=HEX}, the
 * HMAC-SHA256 [1] under the organization's secret of the bytes {@code TIMESTAMP "." BODY}, where
 * {@code TIMESTAMP} is the {@code X-Accord-Timestamp} header (Unix seconds). Signing the timestamp with
 * the body lets a receiver refuse a replayed delivery by its age ({@link #verify}): the layout is the
 * one Stripe and Slack use, so receivers have code for it. Stateless.
 *
 * <p>[1] RFC 2104 (HMAC), FIPS 180-4 (SHA-256).
 */
public final class WebhookSignature {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Accord-Signature";
  /** The header carrying the signed timestamp, in Unix seconds. */
  public static final String TIMESTAMP_HEADER = "X-Accord-Timestamp";
  /** The header carrying the notification's idempotency key, the same on every retry. */
  public static final String DELIVERY_HEADER = "X-Accord-Delivery";
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The {@code X-Accord-Signature} value of {@code body} sent at {@code timestamp} (Unix seconds). */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  /**
   * Whether {@code signature} signs {@code body} at {@code timestamp} under {@code secret}, and the
   * timestamp is at most {@code toleranceSeconds} away from {@code nowSeconds}; a receiver's check,
   * compared in constant time.
   */
  public static boolean verify(String secret, String timestamp, byte[] body, String signature, long nowSeconds,
      long toleranceSeconds) {
    if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
      return false;
    }
    long at = Long.parseLong(timestamp);
    if (Math.abs(nowSeconds - at) > toleranceSeconds) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, at, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
