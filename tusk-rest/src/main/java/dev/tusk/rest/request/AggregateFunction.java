package dev.tusk.rest.request;

/** The aggregates a select item may apply: {@code amount.sum()}, {@code count()}, ... */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max");

  private final String sqlName;

  AggregateFunction(String sqlName) {
    this.sqlName = sqlName;
  }

  public String sqlName() {
    return sqlName;
  }

  static AggregateFunction byName(String name) {
    for (AggregateFunction f : values()) {
      if (f.sqlName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
