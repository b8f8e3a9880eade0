/**
 * Notifications: the rules of telling people about case activity, as plain Java with no SQL, HTTP,
 * SMTP or command-line code (ADR 0119, 0120).
 *
 * <p>{@link org.accord.notification.NotificationKind} says which case events notify whom; {@link
 * org.accord.notification.Notice} is what one notification says and how its e-mail reads (a subject
 * with no embargoed detail); {@link org.accord.notification.Preferences} a member's channels and
 * {@link org.accord.notification.Digest}; {@link org.accord.notification.Backoff} when a failed
 * delivery is tried again; {@link org.accord.notification.WebhookSignature} the HMAC-SHA256 signature
 * of a webhook delivery; {@link org.accord.notification.WebhookUrl} which webhook addresses are taken.
 * Bad input throws {@link org.accord.InvalidInputException} naming the field.
 */
package org.accord.notification;
