package dev.tusk.migrate.tenant;

import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.HistoryScope;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections into one tenant: superuser connections whose {@code search_path} is the tenant's
 * schema, so the tenant migrations' unqualified names land there. Writing connections are first
 * prepared like the main migrations' (the tenant history table is created if missing and owned by
 * the migrations role), then switched to that role with {@code SET ROLE}, so it owns the tables the
 * migrations create and the tenant role's default privileges apply to them.
 */
final class TenantSource {

  private TenantSource() {}

  /** For operations that write: as the migrations role. */
  static ConnectionSource writing(ConnectionSource superuser, Tenant tenant, String role) {
    return open(superuser, tenant, role);
  }

  /** For dry runs and reads: as the superuser, changing nothing. */
  static ConnectionSource reading(ConnectionSource superuser, Tenant tenant) {
    return open(superuser, tenant, null);
  }

  private static ConnectionSource open(ConnectionSource superuser, Tenant tenant, String role) {
    return () -> {
      Connection c = superuser.open();
      try {
        c.setAutoCommit(true);
        if (!Sql.exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", tenant.schema())) {
          throw new OperationException(
              "tenant.schema_missing",
              "tenant "
                  + tenant.id()
                  + " is registered but its schema "
                  + tenant.schema()
                  + " does not exist; nothing was run for it",
              "restore the schema from a backup, or remove the tenant's rows from tusk.tenants"
                  + " and tusk.tenant_migrations by hand and create it again");
        }
        if (role != null) {
          HistoryAccess.prepare(c, role, HistoryScope.tenant(tenant.id().value()));
          Sql.exec(c, "SET ROLE %I", role);
        }
        Sql.exec(c, "SET search_path TO %I", tenant.schema());
        return c;
      } catch (SQLException | RuntimeException e) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    };
  }
}
