package dev.tusk.core.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): one HELP and TYPE line per family,
 * then its samples. Label values are escaped as the format requires, so a database or role name
 * with quotes or newlines cannot break the output.
 */
public final class PromText {

  /** The metric family types Tusk exposes. */
  public enum Type {
    GAUGE,
    COUNTER,
    HISTOGRAM
  }

  private final StringBuilder out = new StringBuilder();
  private final Map<String, Boolean> declared = new LinkedHashMap<>();

  /** Declares a family; samples for it follow with {@link #sample}. Declaring twice is a no-op. */
  public PromText family(String name, Type type, String help) {
    if (declared.putIfAbsent(name, true) == null) {
      out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
      out.append("# TYPE ")
          .append(name)
          .append(' ')
          .append(type.name().toLowerCase(java.util.Locale.ROOT))
          .append('\n');
    }
    return this;
  }

  /** {@code labels} are alternating names and values. */
  public PromText sample(String name, double value, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels must be name, value pairs");
    }
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  /**
   * Appends another writer's output. Families it declared are not re-declared here, so build each
   * family in one writer.
   */
  public PromText append(PromText other) {
    out.append(other.out);
    declared.putAll(other.declared);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String escapeLabel(String v) {
    return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String escapeHelp(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
