package dev.tusk.rest.query;

import java.util.Objects;

/**
 * An embedded resource: a tree joined to its parent by {@code LEFT JOIN LATERAL (...) AS lateral}.
 * A to-one lateral exposes {@code pgrst_json} (the row as a JSON object, null when there is none)
 * and every column of the child row; a to-many lateral exposes {@code pgrst_json}, the JSON array
 * of rows (null when there are none).
 *
 * @param filtersParent whether a condition of the parent tests this lateral (!inner, rel=is.null),
 *     so a count of the parent's rows must join it too
 */
public record Child(ReadTree tree, String lateral, boolean toOne, boolean filtersParent) {

  /** The column of a lateral holding the JSON of the embedded row(s). */
  public static final String JSON_COLUMN = "pgrst_json";

  public Child {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(lateral, "lateral");
  }
}
