package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a role named elsewhere (a database owner, a grant, a membership) exists: either in
 * {@code roles} or as {@code postgres.superuser}. The engine creates only what the config lists, so
 * a misspelt role would otherwise fail halfway through bootstrap.
 */
record RoleRefs(Set<String> roles, String superuser) {

  static RoleRefs of(List<RoleConfig> roles, String superuser) {
    Set<String> names = new TreeSet<>();
    roles.forEach(r -> names.add(r.name()));
    return new RoleRefs(names, superuser);
  }

  void check(Scalar s, String name) {
    if (name.equals(superuser) || roles.contains(name)) {
      return;
    }
    Set<String> known = new TreeSet<>(roles);
    known.add(superuser);
    String near =
        Suggestions.closest(name, known).map(n -> "; did you mean '" + n + "'?").orElse("");
    throw new ConfigException(
        ConfigErrors.UNKNOWN_ROLE,
        s.path()
            + " names role "
            + Scalar.quote(name)
            + " "
            + s.origin().describe()
            + ", which is neither in roles nor postgres.superuser"
            + near,
        "add { name: " + name + " } to roles, or use one of: " + String.join(", ", known));
  }
}
