package dev.tusk.rest.request;

/**
 * The binary comparison operators of the URL grammar and the PostgreSQL operator each stands for.
 * Only the quantifiable ones accept {@code (any)} / {@code (all)}; {@code like} and {@code ilike}
 * take {@code *} as the {@code %} wildcard.
 */
public enum Operator {
  EQ("eq", "=", true),
  NEQ("neq", "<>", false),
  GT("gt", ">", true),
  GTE("gte", ">=", true),
  LT("lt", "<", true),
  LTE("lte", "<=", true),
  LIKE("like", "like", true),
  ILIKE("ilike", "ilike", true),
  MATCH("match", "~", true),
  IMATCH("imatch", "~*", true),
  CS("cs", "@>", false),
  CD("cd", "<@", false),
  OV("ov", "&&", false),
  SL("sl", "<<", false),
  SR("sr", ">>", false),
  NXR("nxr", "&<", false),
  NXL("nxl", "&>", false),
  ADJ("adj", "-|-", false);

  private final String urlName;
  private final String sql;
  private final boolean quantifiable;

  Operator(String urlName, String sql, boolean quantifiable) {
    this.urlName = urlName;
    this.sql = sql;
    this.quantifiable = quantifiable;
  }

  public String urlName() {
    return urlName;
  }

  /** The PostgreSQL operator, e.g. {@code @>} for {@code cs}. */
  public String sql() {
    return sql;
  }

  public boolean quantifiable() {
    return quantifiable;
  }

  public boolean isPattern() {
    return this == LIKE || this == ILIKE;
  }

  static Operator byUrlName(String name) {
    for (Operator op : values()) {
      if (op.urlName.equals(name)) {
        return op;
      }
    }
    return null;
  }
}
