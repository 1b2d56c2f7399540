package dev.tusk.core.config;

import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code roles}. A login role with no password gets a generated one, stored under
 * {@code <home>/secrets/}. Superuser and replication attributes are deliberately not offered here:
 * the only superuser is {@code postgres.superuser}.
 */
public record RoleConfig(
    String name,
    boolean login,
    boolean inherit,
    Optional<Secret> password,
    List<String> memberOf,
    int connectionLimit) {

  /** PostgreSQL's "no limit". */
  public static final int NO_CONNECTION_LIMIT = -1;
}
