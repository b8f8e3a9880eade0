package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileIdTest {

  @Test
  void encodesIndexesAsTheSpecShows() {
    assertThat(TileId.encodeIndex(1234067)).isEqualTo("x001/x234/067");
    assertThat(TileId.encodeIndex(0)).isEqualTo("000");
    assertThat(TileId.encodeIndex(999)).isEqualTo("999");
    assertThat(TileId.encodeIndex(1000)).isEqualTo("x001/000");
    assertThat(TileId.hashes(0, 0, 15).path()).isEqualTo("tile/0/000.p/15");
    assertThat(TileId.hashes(1, 1234067, 256).path()).isEqualTo("tile/1/x001/x234/067");
    assertThat(TileId.entries(5, 3).path()).isEqualTo("tile/entries/005.p/3");
  }

  @Test
  void parseRoundTripsRandomIds() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      long index = random.nextInt(4) == 0 ? random.nextLong() >>> random.nextInt(64) : random.nextInt(5000);
      int level = random.nextInt(65) - 1;
      int width = 1 + random.nextInt(256);
      TileId id = new TileId(level, Math.max(0, index), width);
      assertThat(TileId.parse(id.path())).as("seed " + seed).isEqualTo(id);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "tile/0/x000/001", "tile/0/01", "tile/0/0001", "tile/00/000", "tile/64/000", "tile/0/000.p/0",
    "tile/0/000.p/256", "tile/0/000.p/05", "tile/0/001/002", "tile/0/x001", "tile/0/abc", "tile/0",
    "tile/entries/x1/000", "tile/-1/000"
  })
  void refusesNonCanonicalPaths(String path) {
    assertThatThrownBy(() -> TileId.parse(path)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tile");
  }
}
