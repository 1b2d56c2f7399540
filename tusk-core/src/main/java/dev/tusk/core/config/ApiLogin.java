package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an enabled API logs in to the server Tusk manages: as a configured login role that is not the
 * superuser and can switch to {@code anon_role} (SET ROLE needs membership, direct or through other
 * roles), into a configured database, with the password that role really gets. {@code api.password}
 * defaults to the role's password; a different one could never log in.
 */
final class ApiLogin {

  private final ApiInput in;
  private final ApiSection.Peers peers;

  ApiLogin(ApiInput in, ApiSection.Peers peers) {
    this.in = in;
    this.peers = peers;
  }

  ApiConfig check(ApiConfig api) {
    RoleConfig login = loginRole(api.user());
    api.anonRole().ifPresent(anon -> anonRole(api.user(), anon));
    database(api.database());
    return withPassword(api, password(api.password(), login));
  }

  private RoleConfig loginRole(String user) {
    Scalar s = in.user();
    String superuser = peers.postgres().superuser();
    if (user.equals(superuser)) {
      throw ConfigErrors.badValue(
          s.path()
              + " "
              + Scalar.quote(user)
              + " "
              + s.origin().describe()
              + " is postgres.superuser; the API never connects as a superuser",
          "name a login role with inherit: false that is a member of the roles requests switch"
              + " to, such as authenticator; "
              + s.origin().fix());
    }
    RoleRefs.of(peers.roles(), superuser).check(s, user);
    RoleConfig role = role(user).orElseThrow();
    if (!role.login()) {
      throw ConfigErrors.badValue(
          s.path()
              + " "
              + s.origin().describe()
              + " names role "
              + Scalar.quote(user)
              + ", which cannot log in (login: false in roles)",
          "set login: true on role " + user + ", or name a login role");
    }
    return role;
  }

  private void anonRole(String user, String anon) {
    Scalar s = in.anonRole();
    String superuser = peers.postgres().superuser();
    if (anon.equals(superuser)) {
      throw ConfigErrors.badValue(
          s.path()
              + " "
              + Scalar.quote(anon)
              + " "
              + s.origin().describe()
              + " is postgres.superuser; anonymous requests would run as the superuser",
          "name a role without login that holds only what anonymous clients may do, such as"
              + " api_anonymous");
    }
    RoleRefs.of(peers.roles(), superuser).check(s, anon);
    if (!anon.equals(user) && !isMember(user, anon)) {
      throw ConfigErrors.badValue(
          "api.user "
              + Scalar.quote(user)
              + " is not a member of api.anon_role "
              + Scalar.quote(anon)
              + " "
              + s.origin().describe()
              + ", so the API cannot switch to it (SET ROLE)",
          "add " + anon + " to member_of of role " + user + " in roles");
    }
  }

  /** Membership through member_of, directly or through other roles, as SET ROLE allows it. */
  private boolean isMember(String user, String target) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(user));
    while (!todo.isEmpty()) {
      String r = todo.poll();
      if (r.equals(target)) {
        return true;
      }
      if (seen.add(r)) {
        role(r).ifPresent(c -> todo.addAll(c.memberOf()));
      }
    }
    return false;
  }

  private void database(String name) {
    List<String> names = peers.databases().stream().map(DatabaseConfig::name).toList();
    if (name.equals("postgres") || names.contains(name)) {
      return;
    }
    Scalar s = in.database();
    List<String> known = new ArrayList<>(names);
    known.add("postgres");
    throw new ConfigException(
        ConfigErrors.UNKNOWN_REFERENCE,
        s.path()
            + " names database "
            + Scalar.quote(name)
            + " "
            + s.origin().describe()
            + ", which is not in databases"
            + Suggestions.closest(name, known).map(n -> "; did you mean '" + n + "'?").orElse(""),
        "add { name: " + name + " } to databases, or use one of: " + String.join(", ", known));
  }

  /** The role's password is what the API logs in with; a different api.password cannot work. */
  private Optional<Secret> password(Optional<Secret> given, RoleConfig role) {
    Scalar s = in.password();
    if (role.password().isEmpty()) {
      if (given.isPresent()) {
        throw ConfigErrors.badValue(
            s.path()
                + " is set "
                + s.origin().describe()
                + " but role "
                + Scalar.quote(role.name())
                + " has no password in roles, so Tusk generates a different one for it",
            "move the password to the role (roles: - { name: "
                + role.name()
                + ", password: ... }); api.password then defaults to it");
      }
      return given;
    }
    if (given.isPresent() && !given.get().value().equals(role.password().get().value())) {
      throw ConfigErrors.badSecret(
          s,
          "differs from the password of role "
              + Scalar.quote(role.name())
              + " in roles, so the API could not log in;");
    }
    return given.isPresent() ? given : role.password();
  }

  private Optional<RoleConfig> role(String name) {
    return peers.roles().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static ApiConfig withPassword(ApiConfig a, Optional<Secret> password) {
    return new ApiConfig(
        a.enabled(),
        a.listen(),
        a.port(),
        a.database(),
        a.user(),
        password,
        a.dbUri(),
        a.schemas(),
        a.anonRole(),
        a.jwt(),
        a.maxRows(),
        a.preRequest(),
        a.txEnd(),
        a.aggregates(),
        a.maxBodyBytes(),
        a.planEnabled(),
        a.poolSize(),
        a.corsOrigins(),
        a.serverTiming());
  }
}
