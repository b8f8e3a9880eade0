package org.accord.app.replicas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accord.exposure.GraphChange;

/**
 * A {@link GraphChange} as the change feed's payload: JSON of the record's components (Jackson's record
 * support), so another replica applies exactly what the writer applied. Stateless and thread-safe.
 */
public final class GraphChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphChanges() {}

  /** The change as JSON. */
  public static String encode(GraphChange change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a graph change: " + e.getMessage(), e);
    }
  }

  /**
   * The change a payload holds.
   *
   * @throws IllegalStateException if the payload is not one {@link #encode} wrote
   */
  public static GraphChange decode(String payload) {
    try {
      return JSON.readValue(payload, GraphChange.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a graph change from the feed: " + e.getMessage(), e);
    }
  }
}
