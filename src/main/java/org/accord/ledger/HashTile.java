package org.accord.ledger;

import java.util.Arrays;
import java.util.Objects;

/**
 * The content of one hash tile: {@code id.width()} concatenated 32-byte hashes.
 *
 * <p>Immutable and thread-safe: the constructor and {@link #hashes()} copy.
 *
 * @param id the tile; never an entry bundle
 * @param hashes the hashes, exactly {@code 32 · id.width()} bytes
 */
public record HashTile(TileId id, byte[] hashes) {
  public HashTile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hashes, "hashes");
    if (id.isEntries()) {
      throw new IllegalArgumentException("an entry bundle is not a hash tile");
    }
    if (hashes.length != Hash.SIZE * id.width()) {
      throw new IllegalArgumentException(
          "tile " + id + " holds " + id.width() + " hashes, not " + hashes.length + " bytes");
    }
    hashes = hashes.clone();
  }

  /** A copy of the hash bytes. */
  @Override
  public byte[] hashes() {
    return hashes.clone();
  }

  /** Hash {@code i} of the tile. */
  public Hash hash(int i) {
    return Hash.wrap(Arrays.copyOfRange(hashes, i * Hash.SIZE, (i + 1) * Hash.SIZE));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashTile that && id.equals(that.id) && Arrays.equals(hashes, that.hashes);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "HashTile[" + id + "]";
  }
}
