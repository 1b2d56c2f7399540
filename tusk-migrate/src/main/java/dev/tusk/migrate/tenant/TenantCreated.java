package dev.tusk.migrate.tenant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.error.ErrorRenderer;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.error.TuskException;
import java.util.Optional;

/**
 * {@code tusk tenant create}: the tenant, whether it was created now (with {@code --if-not-exists}
 * an existing one is reported unchanged), and what its first migration run did. Provisioning
 * commits before the migrations run, so a failing tenant migration leaves a created tenant at the
 * version before it; {@link #failure()} then says so, and {@code migrate up --tenants} finishes it.
 *
 * @param grantedTo the API login role that may now switch to the tenant role
 * @param migrations empty when the tenant existed already (nothing ran)
 */
public record TenantCreated(
    Tenant tenant,
    boolean created,
    Optional<String> grantedTo,
    Optional<TenantOutcome> migrations) {

  public Optional<OperationException> failure() {
    if (migrations.isEmpty() || migrations.get().ok()) {
      return Optional.empty();
    }
    TenantOutcome m = migrations.get();
    TuskException e = m.failure().orElseThrow();
    return Optional.of(
        new OperationException(
            "tenant.migrations_failed",
            "tenant "
                + tenant.id()
                + " was created, but its migrations failed: "
                + e.getMessage()
                + " ("
                + e.code()
                + ")",
            ErrorRenderer.render(e).replace("\n", "\n  "),
            "the tenant exists and stays at "
                + m.at().map(v -> "V" + v).orElse("no version")
                + "; fix the migration, then run tusk migrate up --tenants (not tenant create"
                + " again)",
            null));
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    if (!created) {
      return out.append("Tenant ")
          .append(tenant.id())
          .append(" exists (created ")
          .append(tenant.createdAt())
          .append("); nothing changed.\n")
          .toString();
    }
    out.append("Created tenant ")
        .append(tenant.id())
        .append(": schema ")
        .append(tenant.schema())
        .append(", role ")
        .append(tenant.role());
    grantedTo.ifPresent(r -> out.append(" (granted to ").append(r).append(')'));
    out.append('\n');
    migrations.ifPresent(m -> out.append(m.line()).append('\n'));
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("tenant", tenant.id().value());
    o.put("created", created);
    o.put("schema", tenant.schema());
    o.put("role", tenant.role());
    grantedTo.ifPresentOrElse(r -> o.put("granted_to", r), () -> o.putNull("granted_to"));
    o.put("created_at", tenant.createdAt().toString());
    o.put("created_by", tenant.createdBy());
    migrations.ifPresentOrElse(m -> o.set("migrations", m.toJson()), () -> o.putNull("migrations"));
    return o;
  }
}
