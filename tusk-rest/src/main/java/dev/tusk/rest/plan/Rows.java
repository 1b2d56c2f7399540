package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request body as rows of a write: one JSON object per row, whatever the body's media type, and
 * the keys of the first row in order (the columns a write without {@code columns=} sets).
 *
 * @param array whether the body was a list (JSON array, CSV) rather than a single object
 */
record Rows(List<ObjectNode> rows, List<String> keys, boolean array) {
  Rows {
    rows = List.copyOf(rows);
    keys = List.copyOf(keys);
  }
}
