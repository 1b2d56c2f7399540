package dev.tusk.core.config;

import java.util.List;

/**
 * The API rules that need the rest of tusk.yaml, applied when the API is enabled: it must be able
 * to authorize some request and its port must be its own; against the managed server (no {@code
 * db_uri}) {@link ApiLogin} checks how it logs in. Each of these would otherwise surface only at
 * the first request, or as a bind failure.
 */
final class ApiChecks {

  private final ApiInput in;
  private final ApiSection.Peers peers;
  private final String where;

  ApiChecks(ApiInput in, ApiSection.Peers peers, String where) {
    this.in = in;
    this.peers = peers;
    this.where = where;
  }

  /** A connection string already names database, user and password; a second source conflicts. */
  static void notBesideDbUri(Scalar dbUri, List<Scalar> others) {
    for (Scalar s : others) {
      if (!s.isNull() && !(s.origin() instanceof Origin.ByDefault)) {
        throw ConfigErrors.badValue(
            dbUri.path()
                + " "
                + dbUri.origin().describe()
                + " and "
                + s.path()
                + " "
                + s.origin().describe()
                + " are both set, but the connection string already says which database, user and"
                + " password the API uses",
            "keep "
                + dbUri.path()
                + " (any PostgreSQL) or "
                + s.path()
                + " (the server Tusk runs), not both: "
                + s.origin().fix());
      }
    }
  }

  ApiConfig check(ApiConfig api) {
    if (!api.enabled()) {
      return api;
    }
    if (!JwtRules.verifiesTokens(api.jwt()) && api.anonRole().isEmpty()) {
      throw ConfigErrors.badValue(
          "the API would refuse every request: none of api.jwt.secret, api.jwt.jwks_file,"
              + " api.jwt.jwks_url and api.anon_role is set ("
              + where
              + ")",
          "set api.anon_role (such as api_anonymous) to serve requests without a token, and/or"
              + " api.jwt.secret (at least 32 characters) to accept tokens; or set api.enabled:"
              + " false");
    }
    port(api.port(), "postgres.port", peers.postgres().port());
    if (peers.admin().enabled()) {
      port(api.port(), "admin.port", peers.admin().port());
    }
    if (api.dbUri().isPresent()) {
      return api;
    }
    return new ApiLogin(in, peers).check(api);
  }

  private void port(int port, String other, int taken) {
    Scalar s = in.port();
    if (port == taken) {
      throw ConfigErrors.badValue(
          "api.port "
              + taken
              + " "
              + s.origin().describe()
              + " is also "
              + other
              + "; the two servers need different ports",
          s.origin().fix() + " or change " + other);
    }
  }
}
