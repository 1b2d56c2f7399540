package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} or {@code down} did, or in a dry run would do (then each step carries its SQL).
 *
 * @param operation {@code up} or {@code down}
 */
public record RunResult(String operation, boolean dryRun, List<StepReport> steps)
    implements MigrateReport {

  public RunResult {
    steps = List.copyOf(steps);
  }

  @Override
  public String toText() {
    if (steps.isEmpty()) {
      return operation.equals("up")
          ? "Nothing to apply: the database is up to date.\n"
          : "Nothing to revert.\n";
    }
    if (dryRun) {
      StringBuilder out = new StringBuilder();
      for (StepReport s : steps) {
        out.append("-- ").append(s.direction().json()).append(' ').append(s.label());
        out.append(": ").append(s.file());
        out.append(s.transactional() ? " (one transaction)" : " (no transaction)").append('\n');
        String sql = s.sql().orElse("");
        out.append(sql);
        if (!sql.endsWith("\n")) {
          out.append('\n');
        }
      }
      return out.toString();
    }
    List<List<String>> rows = new ArrayList<>();
    for (StepReport s : steps) {
      rows.add(
          List.of(
              s.direction().json(),
              s.version().map(Version::toString).orElse(""),
              s.name(),
              s.file(),
              s.duration().map(d -> d.toMillis() + " ms").orElse("")));
    }
    String verb = operation.equals("up") ? "Applied" : "Reverted";
    return TextTable.render(List.of("DIRECTION", "VERSION", "NAME", "FILE", "TIME"), rows)
        + verb
        + " "
        + steps.size()
        + " migration(s).\n";
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("operation", operation);
    root.put("dry_run", dryRun);
    ArrayNode list = root.putArray("steps");
    for (StepReport s : steps) {
      ObjectNode o = list.addObject();
      o.put("direction", s.direction().json());
      s.version().ifPresentOrElse(v -> o.put("version", v.toString()), () -> o.putNull("version"));
      o.put("name", s.name());
      o.put("file", s.file());
      o.put("transactional", s.transactional());
      s.duration().ifPresent(d -> o.put("duration_ms", d.toMillis()));
      s.sql().ifPresent(sql -> o.put("sql", sql));
    }
    return root;
  }
}
