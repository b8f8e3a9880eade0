package org.accord.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The C2SP tlog-tiles entry bundle: log entries, each prefixed by its length as a big-endian uint16
 * [1]. An entry is therefore at most 65,535 bytes.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>[1] C2SP tlog-tiles, https://c2sp.org/tlog-tiles, "Log entries".
 */
public final class EntryBundle {
  /** The largest entry a bundle can hold. */
  public static final int MAX_ENTRY_SIZE = 0xFFFF;

  private EntryBundle() {}

  /** Encodes entries as one bundle. */
  public static byte[] encode(List<byte[]> entries) {
    int total = 0;
    for (byte[] entry : entries) {
      checkSize(entry);
      total += 2 + entry.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(total);
    for (byte[] entry : entries) {
      out.write(entry.length >>> 8);
      out.write(entry.length & 0xFF);
      out.write(entry, 0, entry.length);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a bundle into its entries.
   *
   * @throws VerificationException if the bundle ends inside a length prefix or an entry
   */
  public static List<byte[]> decode(byte[] bundle) throws VerificationException {
    List<byte[]> entries = new ArrayList<>();
    int at = 0;
    while (at < bundle.length) {
      if (at + 2 > bundle.length) {
        throw new VerificationException(
            "entry bundle is truncated: it ends inside the length prefix of entry " + entries.size());
      }
      int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
      at += 2;
      if (at + length > bundle.length) {
        throw new VerificationException(
            "entry bundle is truncated: entry " + entries.size() + " declares " + length + " bytes but "
                + (bundle.length - at) + " remain");
      }
      entries.add(Arrays.copyOfRange(bundle, at, at + length));
      at += length;
    }
    return entries;
  }

  /** As {@link #decode}, naming the bundle's path in the failure. */
  static List<byte[]> decodeOrFail(byte[] bundle, String path) throws VerificationException {
    try {
      return decode(bundle);
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), path);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code entry} is too large for a bundle
   */
  public static void checkSize(byte[] entry) {
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new IllegalArgumentException(
          "a log entry is " + entry.length + " bytes; an entry bundle holds at most " + MAX_ENTRY_SIZE);
    }
  }
}
