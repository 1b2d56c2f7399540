package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code migrate validate}: every disagreement between files and history; none means ok. */
public record ValidateResult(List<Problem> problems) implements MigrateReport {

  public ValidateResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  @Override
  public String toText() {
    if (ok()) {
      return "OK: the files and the history agree.\n";
    }
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      out.append(p.migration()).append(": ").append(p.kind().json()).append(": ");
      out.append(p.message()).append('\n');
    }
    return out.append(problems.size()).append(" problem(s).\n").toString();
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ok", ok());
    ArrayNode list = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode o = list.addObject();
      o.put("kind", p.kind().json());
      o.put("migration", p.migration());
      o.put("message", p.message());
    }
    return root;
  }
}
