package dev.tusk.migrate.tenant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.error.ErrorRenderer;
import dev.tusk.core.error.OperationException;
import java.util.List;
import java.util.Optional;

/**
 * {@code tusk migrate up --tenants}: one outcome per registered tenant, in id order. A failed
 * tenant does not stop the others, so the report can mix applied and failed tenants; {@link
 * #failure()} is then the error that makes the command exit 1.
 */
public record TenantsUpResult(boolean dryRun, List<TenantOutcome> tenants) {

  public TenantsUpResult {
    tenants = List.copyOf(tenants);
  }

  public List<TenantOutcome> failed() {
    return tenants.stream().filter(t -> !t.ok()).toList();
  }

  /** The error to exit with when any tenant failed; each one's own error is in the detail. */
  public Optional<OperationException> failure() {
    List<TenantOutcome> failed = failed();
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder detail = new StringBuilder();
    for (TenantOutcome t : failed) {
      if (!detail.isEmpty()) {
        detail.append("\n  ");
      }
      detail
          .append("tenant ")
          .append(t.tenant())
          .append(": ")
          .append(ErrorRenderer.render(t.failure().orElseThrow()).replace("\n", "\n  "));
    }
    return Optional.of(
        new OperationException(
            "tenant.migrations_failed",
            "tenant migrations failed for "
                + failed.size()
                + " of "
                + tenants.size()
                + " tenant(s): "
                + String.join(", ", failed.stream().map(t -> t.tenant().value()).toList()),
            detail.toString(),
            "each failed tenant stayed at the version shown (a failed migration rolls back with"
                + " its history row) and the other tenants were migrated; fix the cause, then run"
                + " tusk migrate up --tenants again",
            null));
  }

  public String toText() {
    if (tenants.isEmpty()) {
      return "No tenants: nothing to migrate (tusk tenant create ID adds one).\n";
    }
    StringBuilder out = new StringBuilder();
    tenants.forEach(t -> out.append(t.line()).append('\n'));
    int failed = failed().size();
    out.append(tenants.size()).append(" tenant(s)");
    out.append(
        failed == 0 ? ", all ok" : ": " + (tenants.size() - failed) + " ok, " + failed + " failed");
    return out.append(".\n").toString();
  }

  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("operation", "up");
    root.put("dry_run", dryRun);
    ArrayNode list = root.putArray("tenants");
    tenants.forEach(t -> list.add(t.toJson()));
    ObjectNode counts = root.putObject("counts");
    counts.put("ok", tenants.size() - failed().size());
    counts.put("failed", failed().size());
    return root;
  }
}
