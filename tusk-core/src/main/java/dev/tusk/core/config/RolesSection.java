package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code roles}. Besides each entry's own rules it refuses what PostgreSQL would refuse
 * later, mid-bootstrap: a role that shadows the superuser, membership in an unknown role or in
 * itself, membership cycles, and a password on a role that cannot log in.
 */
final class RolesSection {

  static final List<String> KEYS =
      List.of("name", "login", "inherit", "password", "member_of", "connection_limit");

  private RolesSection() {}

  static List<RoleConfig> read(YamlMap root, List<Node> items, String superuser) {
    List<RoleConfig> roles = new ArrayList<>();
    Unique names = new Unique("role name");
    Map<String, List<Scalar>> memberships = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap entry = root.item(items.get(i), "roles", i);
      entry.requireKnown(KEYS);
      Scalar nameValue = entry.required("name");
      String name = names.add(nameValue, Names.roleName(nameValue));
      if (name.equals(superuser)) {
        throw ConfigErrors.badValue(
            nameValue.path()
                + " "
                + Scalar.quote(name)
                + " "
                + nameValue.origin().describe()
                + " is postgres.superuser, which Tusk creates itself",
            "remove this entry; configure the superuser under postgres");
      }
      Scalar loginValue = entry.scalarOr("login", "false");
      boolean login = Convert.bool(loginValue);
      boolean inherit = Convert.bool(entry.scalarOr("inherit", "true"));
      Scalar passwordValue = entry.scalar("password");
      var password = Convert.secret(passwordValue);
      if (password.isPresent() && !login) {
        throw ConfigErrors.badValue(
            passwordValue.path()
                + " is set "
                + passwordValue.origin().describe()
                + " but the role cannot log in (login: false)",
            "set login: true on " + name + ", or remove the password");
      }
      List<Scalar> memberOfValues = entry.scalars("member_of");
      Unique distinct = new Unique("role");
      List<String> memberOf = new ArrayList<>();
      for (Scalar s : memberOfValues) {
        String parent = distinct.add(s, Names.identifier(s, "a role name"));
        if (parent.equals(name)) {
          throw ConfigErrors.badValue(
              s.path()
                  + " "
                  + s.origin().describe()
                  + ": role "
                  + Scalar.quote(name)
                  + " cannot be a member of itself",
              "remove " + name + " from its own member_of");
        }
        memberOf.add(parent);
      }
      memberships.put(name, memberOfValues);
      int limit =
          Convert.integer(
              entry.scalarOr("connection_limit", "-1"),
              RoleConfig.NO_CONNECTION_LIMIT,
              Integer.MAX_VALUE);
      roles.add(new RoleConfig(name, login, inherit, password, List.copyOf(memberOf), limit));
    }
    RoleRefs refs = RoleRefs.of(roles, superuser);
    for (List<Scalar> values : memberships.values()) {
      values.forEach(s -> refs.check(s, s.text().orElseThrow()));
    }
    checkCycles(roles, memberships);
    return List.copyOf(roles);
  }

  /**
   * Finds a membership cycle without recursion (a hostile file may hold a chain of thousands of
   * roles): peel off roles whose parents are all peeled (Kahn); every role left has a parent left,
   * so following parents from any of them must revisit one.
   */
  private static void checkCycles(List<RoleConfig> roles, Map<String, List<Scalar>> where) {
    Map<String, List<String>> parents = new LinkedHashMap<>();
    roles.forEach(r -> parents.put(r.name(), r.memberOf()));
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    ArrayDeque<String> ready = new ArrayDeque<>();
    parents.forEach(
        (role, ps) -> {
          List<String> known = ps.stream().filter(parents::containsKey).toList();
          pending.put(role, known.size());
          known.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(role));
          if (known.isEmpty()) {
            ready.add(role);
          }
        });
    while (!ready.isEmpty()) {
      for (String child : children.getOrDefault(ready.poll(), List.of())) {
        if (pending.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    String start =
        parents.keySet().stream().filter(r -> pending.get(r) > 0).findFirst().orElse(null);
    if (start == null) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    List<String> trail = new ArrayList<>();
    String role = start;
    while (!seen.containsKey(role)) {
      seen.put(role, trail.size());
      trail.add(role);
      role =
          parents.get(role).stream()
              .filter(p -> pending.getOrDefault(p, 0) > 0)
              .findFirst()
              .orElseThrow();
    }
    List<String> cycle = new ArrayList<>(trail.subList(seen.get(role), trail.size()));
    cycle.add(role);
    String next = cycle.get(1);
    Scalar first =
        where.get(cycle.get(0)).stream()
            .filter(s -> next.equals(s.text().orElse(null)))
            .findFirst()
            .orElseThrow();
    throw new ConfigException(
        ConfigErrors.BAD_VALUE,
        "roles form a membership cycle: "
            + (cycle.size() <= 12
                ? String.join(" -> ", cycle)
                : String.join(" -> ", cycle.subList(0, 10))
                    + " -> ... ("
                    + (cycle.size() - 1)
                    + " roles) -> "
                    + cycle.get(0))
            + " (see "
            + first.path()
            + " "
            + first.origin().describe()
            + ")",
        "PostgreSQL refuses circular role membership; remove one member_of entry");
  }
}
