package dev.tusk.migrate.tenant;

import java.util.Optional;

/**
 * What provisioning needs from the config.
 *
 * @param migrationsRole {@code migrations.as_role}: owns every tenant schema and runs the tenant
 *     migrations, so it owns the tables they create
 * @param apiRole the REST API's login role ({@code api.user}) when the config serves an API from
 *     this server: it is made a member of each tenant role, so a request whose JWT names the tenant
 *     role can switch to it
 */
public record TenantSettings(String migrationsRole, Optional<String> apiRole) {}
