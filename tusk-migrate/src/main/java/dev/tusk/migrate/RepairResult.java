package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate repair}: the history rows changed, in one transaction. */
public record RepairResult(List<RepairAction> actions) implements MigrateReport {

  public RepairResult {
    actions = List.copyOf(actions);
  }

  @Override
  public String toText() {
    if (actions.isEmpty()) {
      return "Nothing to repair.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (RepairAction a : actions) {
      rows.add(List.of(a.label(), a.kind().json(), a.detail()));
    }
    return TextTable.render(List.of("MIGRATION", "ACTION", "DETAIL"), rows)
        + "Repaired "
        + actions.size()
        + " history row(s).\n";
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("actions");
    for (RepairAction a : actions) {
      ObjectNode o = list.addObject();
      o.put("action", a.kind().json());
      a.version().ifPresentOrElse(v -> o.put("version", v.toString()), () -> o.putNull("version"));
      o.put("name", a.name());
      o.put("detail", a.detail());
    }
    return root;
  }
}
