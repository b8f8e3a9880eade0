package org.accord.app;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over a stream as it is read. Not thread-safe; one per document. */
final class Hashing {
  private final DigestInputStream stream;

  Hashing(InputStream in) {
    try {
      this.stream = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The stream to read the document from; closing it does not close the digest, so {@link #finish} can drain. */
  InputStream stream() {
    return new java.io.FilterInputStream(stream) {
      @Override
      public void close() {
        // The reader may close its input; the rest of the bytes still belong to the hash.
      }
    };
  }

  /** Reads whatever the parser left unread and returns the hex SHA-256 of all bytes. */
  String finish() throws IOException {
    byte[] buffer = new byte[8192];
    while (stream.read(buffer) >= 0) {
      // drain: the digest covers the whole document, trailing whitespace included
    }
    return HexFormat.of().formatHex(stream.getMessageDigest().digest());
  }
}
