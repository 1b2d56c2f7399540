package dev.tusk.migrate.tenant;

import java.time.Instant;

/**
 * A registered tenant: a row of {@code tusk.tenants}. The schema and role are always derived from
 * the id (the table's check constraints hold them to that), so a hand-edited row cannot point a
 * tenant's migrations at another schema.
 *
 * @param createdBy the operating-system user who ran {@code tusk tenant create}
 */
public record Tenant(TenantId id, Instant createdAt, String createdBy) {

  public String schema() {
    return id.schema();
  }

  public String role() {
    return id.role();
  }
}
