package dev.tusk.rest.schema;

/** How many rows of the target one source row relates to, with PostgREST's labels. */
public enum Cardinality {
  MANY_TO_ONE("many-to-one"),
  ONE_TO_MANY("one-to-many"),
  ONE_TO_ONE("one-to-one"),
  MANY_TO_MANY("many-to-many");

  private final String label;

  Cardinality(String label) {
    this.label = label;
  }

  /** {@code many-to-one} etc., as PGRST201's details spell it. */
  public String label() {
    return label;
  }

  /** An embed through it is a JSON object (or null), not an array. */
  public boolean toOne() {
    return this == MANY_TO_ONE || this == ONE_TO_ONE;
  }
}
