package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code migrate baseline}: the version recorded and the files at or below it, which now count as
 * applied without having run.
 */
public record BaselineResult(Version version, Instant appliedAt, List<String> covered)
    implements MigrateReport {

  public BaselineResult {
    covered = List.copyOf(covered);
  }

  @Override
  public String toText() {
    StringBuilder out = new StringBuilder("Baselined at version ").append(version).append('.');
    if (covered.isEmpty()) {
      out.append(" No migration file is at or below it.");
    } else {
      out.append(" These count as applied: ").append(String.join(", ", covered)).append('.');
    }
    return out.append('\n').toString();
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", version.toString());
    root.put("applied_at", appliedAt.toString());
    covered.forEach(root.putArray("covered")::add);
    return root;
  }
}
