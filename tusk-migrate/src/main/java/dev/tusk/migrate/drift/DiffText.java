package dev.tusk.migrate.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link Difference} reads: one line that names the object by its path and says what differs
 * ({@code table content.products column price: type integer -> numeric}), and one JSON object. A
 * long or multi-line value (a function body, a view) is shown by its first differing line only; the
 * JSON has the whole values.
 */
public final class DiffText {

  /** What an added and a removed object mean where the differences are reported. */
  public record Wording(String added, String removed) {}

  /** Drift: expected is what the migrations make, actual is the database. */
  public static final Wording DRIFT =
      new Wording(
          "in the database, not made by the migrations",
          "made by the migrations, missing from the database");

  /** Replay: expected is the schema before the up file, actual the schema after its down file. */
  public static final Wording REPLAY =
      new Wording(
          "left behind by the down file; it was not there before the up file",
          "gone after the down file; it was there before the up file");

  private static final int SHORT = 60;
  private static final Set<String> SUMMARISED =
      Set.of("index", "constraint", "trigger", "rule", "statistics");

  private DiffText() {}

  public static String line(Difference d, Wording w) {
    return switch (d.change()) {
      case ADDED -> d.path() + ": " + w.added() + summary(d);
      case REMOVED -> d.path() + ": " + w.removed() + summary(d);
      case CHANGED ->
          d.path() + ": " + change(d.attribute().orElseThrow(), d.expected(), d.actual());
    };
  }

  /** The difference as JSON; {@code expected} and {@code actual} are null when unset. */
  public static void json(Difference d, ArrayNode into) {
    ObjectNode o = into.addObject();
    o.put("object", d.path());
    o.put("kind", d.kind());
    o.put("change", d.change().json());
    if (d.change() == Difference.Change.CHANGED) {
      o.put("attribute", d.attribute().orElseThrow());
      o.put("expected", d.expected().orElse(null));
      o.put("actual", d.actual().orElse(null));
    } else {
      ObjectNode attrs = o.putObject("attributes");
      d.object().orElseThrow().attributes().forEach(attrs::put);
      ObjectNode parts = o.putObject("parts");
      d.hidden().forEach(parts::put);
    }
  }

  private static String summary(Difference d) {
    CatalogObject o = d.object().orElseThrow();
    StringBuilder s = new StringBuilder();
    if (o.kind().equals("column") && o.attributes().containsKey("type")) {
      s.append(" (").append(o.attributes().get("type")).append(')');
    } else if (SUMMARISED.contains(o.kind()) && o.attributes().containsKey("definition")) {
      String definition = o.attributes().get("definition").lines().findFirst().orElse("");
      s.append(": ").append(excerpt(definition, 0, 300));
    }
    if (!d.hidden().isEmpty()) {
      s.append(" (with ");
      int i = 0;
      for (Map.Entry<String, Integer> e : d.hidden().entrySet()) {
        s.append(i++ > 0 ? ", " : "").append(e.getValue()).append(' ');
        s.append(e.getValue() == 1 ? e.getKey() : plural(e.getKey()));
      }
      s.append(')');
    }
    return s.toString();
  }

  static String change(String attribute, Optional<String> expected, Optional<String> actual) {
    if (isShort(expected) && isShort(actual)) {
      return attribute + " " + shown(expected) + " -> " + shown(actual);
    }
    if (expected.isEmpty() || actual.isEmpty()) {
      return attribute
          + " "
          + expected.map(v -> quoted(firstLine(v))).orElse("(none)")
          + " -> "
          + actual.map(v -> quoted(firstLine(v))).orElse("(none)");
    }
    List<String> e = expected.get().lines().toList();
    List<String> a = actual.get().lines().toList();
    int line = 0;
    while (line < e.size() && line < a.size() && e.get(line).equals(a.get(line))) {
      line++;
    }
    String el = line < e.size() ? e.get(line) : null;
    String al = line < a.size() ? a.get(line) : null;
    int col = 0;
    if (el != null && al != null) {
      while (col < el.length() && col < al.length() && el.charAt(col) == al.charAt(col)) {
        col++;
      }
    }
    int from = Math.max(0, col - 20);
    return attribute
        + " differs at line "
        + (line + 1)
        + ": "
        + (el == null ? "(no such line)" : quoted(excerpt(el, from, SHORT)))
        + " -> "
        + (al == null ? "(no such line)" : quoted(excerpt(al, from, SHORT)));
  }

  private static boolean isShort(Optional<String> v) {
    return v.map(s -> s.length() <= SHORT && s.indexOf('\n') < 0).orElse(true);
  }

  private static String shown(Optional<String> v) {
    return v.map(s -> s.isEmpty() ? "\"\"" : s).orElse("(none)");
  }

  private static String firstLine(String v) {
    return excerpt(v.lines().findFirst().orElse(""), 0, SHORT);
  }

  private static String excerpt(String s, int from, int width) {
    int start = Math.min(from, s.length());
    int end = Math.min(s.length(), start + width);
    return (start > 0 ? "..." : "") + s.substring(start, end) + (end < s.length() ? "..." : "");
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private static String plural(String kind) {
    return switch (kind) {
      case "index" -> "indexes";
      case "policy" -> "policies";
      case "statistics" -> "statistics";
      default -> kind + "s";
    };
  }
}
