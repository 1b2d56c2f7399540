package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code migrations}: where the versioned SQL files are and how they are applied. {@code dir} and
 * {@code tenantDir} are absolute. {@code database} is a configured database or {@code postgres};
 * {@code asRole} is a configured role or the superuser: the migrations run under {@code SET ROLE
 * asRole} (by default the database's owner), so the objects they create belong to it. {@code
 * autoApply} lets {@code tusk up} apply pending migrations after bootstrap when {@code dir} exists.
 * {@code tenantDir} holds the tenant migrations that {@code tusk tenant create} and {@code tusk
 * migrate up --tenants} apply to each tenant's schema.
 */
public record MigrationsConfig(
    Path dir,
    String database,
    boolean autoApply,
    boolean allowOutOfOrder,
    Optional<Path> tenantDir,
    String asRole) {}
