package org.accord.sbom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link SizeLimitExceeded} once more than the limit
 * have been read. Parsers see the failure as an I/O error; {@link BomReader} and {@link
 * InventoryReader} translate it into an {@link org.accord.InvalidInputException}. Not thread-safe.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      add(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long n) throws SizeLimitExceeded {
    count += n;
    if (count > limit) {
      throw new SizeLimitExceeded(limit);
    }
  }

  /** The input is longer than the limit. */
  static final class SizeLimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    SizeLimitExceeded(long limit) {
      super("input exceeds the size limit of " + ReadLimits.describeSize(limit));
      this.limit = limit;
    }
  }

  /** The size-limit failure in a cause chain (XML parsers wrap it), or null. */
  static SizeLimitExceeded find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SizeLimitExceeded exceeded) {
        return exceeded;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
