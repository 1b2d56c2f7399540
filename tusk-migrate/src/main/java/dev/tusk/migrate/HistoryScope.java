package dev.tusk.migrate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose history a {@link Migrator} reads and writes: the database's own ({@code
 * tusk.schema_migrations}), or one tenant's rows in {@code tusk.tenant_migrations}. All tenants
 * share one table keyed by a {@code tenant} column rather than a table each: no per-tenant table
 * names to fit into 63 bytes (PostgreSQL would truncate two long ones to the same name), and one
 * query answers "which version is every tenant at".
 *
 * @param tenant empty for the database's own history
 */
public record HistoryScope(Optional<String> tenant) {

  /** What a tenant key may look like; {@code dev.tusk.migrate.tenant.TenantId} is stricter. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** The database's own migrations. */
  public static final HistoryScope MAIN = new HistoryScope(Optional.empty());

  public HistoryScope {
    if (tenant.isPresent() && !KEY.matcher(tenant.get()).matches()) {
      throw new IllegalArgumentException("not a tenant key: " + tenant.get());
    }
  }

  /** One tenant's migrations. */
  public static HistoryScope tenant(String id) {
    return new HistoryScope(Optional.of(id));
  }

  /** The qualified history table; only fixed names, so it can be spliced into SQL. */
  public String table() {
    return tenant.isPresent() ? "tusk.tenant_migrations" : "tusk.schema_migrations";
  }

  /** The table and, for a tenant, whose rows: for messages. */
  public String describe() {
    return tenant.map(t -> table() + " (tenant " + t + ")").orElse(table());
  }
}
