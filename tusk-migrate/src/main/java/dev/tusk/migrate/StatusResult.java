package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code migrate status}: every migration known to the files or the history, with its state. */
public record StatusResult(List<StatusEntry> entries) implements MigrateReport {

  public StatusResult {
    entries = List.copyOf(entries);
  }

  /** How many entries are in each state (states with none are left out). */
  public Map<StatusEntry.State, Integer> counts() {
    Map<StatusEntry.State, Integer> counts = new EnumMap<>(StatusEntry.State.class);
    entries.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
    return counts;
  }

  @Override
  public String toText() {
    if (entries.isEmpty()) {
      return "No migrations: the directory is empty and nothing was applied.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (StatusEntry e : entries) {
      rows.add(
          List.of(
              e.version().map(Version::toString).orElse("R"),
              e.name(),
              e.state().json(),
              e.appliedAt().map(Object::toString).orElse("")));
    }
    StringBuilder summary = new StringBuilder();
    counts()
        .forEach(
            (state, n) ->
                summary
                    .append(summary.isEmpty() ? "" : ", ")
                    .append(n)
                    .append(' ')
                    .append(state.json()));
    return TextTable.render(List.of("VERSION", "NAME", "STATE", "APPLIED AT"), rows)
        + summary
        + "\n";
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("migrations");
    for (StatusEntry e : entries) {
      ObjectNode o = list.addObject();
      o.put("type", e.repeatable() ? "repeatable" : "versioned");
      e.version().ifPresentOrElse(v -> o.put("version", v.toString()), () -> o.putNull("version"));
      o.put("name", e.name());
      o.put("state", e.state().json());
      e.appliedAt()
          .ifPresentOrElse(t -> o.put("applied_at", t.toString()), () -> o.putNull("applied_at"));
    }
    ObjectNode counts = root.putObject("counts");
    counts().forEach((state, n) -> counts.put(state.json(), n));
    return root;
  }
}
