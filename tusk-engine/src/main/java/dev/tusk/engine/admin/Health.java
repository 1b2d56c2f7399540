package dev.tusk.engine.admin;

import java.util.Map;

/**
 * What the admin server reports, supplied by whoever wires the components together: readiness, each
 * component's state, and the facts /status shows. Kept as an interface so the server knows nothing
 * of how the platform is assembled.
 */
public interface Health {

  /** True when PostgreSQL accepts connections, bootstrap has finished and components are ready. */
  boolean ready();

  /** Each component's state, e.g. {@code postgres -> ready}, {@code bootstrap -> done}. */
  Map<String, String> components();

  /** The body of /status: version, uptime, data size, connections, components. */
  Map<String, Object> status();
}
