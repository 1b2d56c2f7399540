package dev.tusk.rest.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.http.Headers;
import dev.tusk.rest.auth.AuthError;
import dev.tusk.rest.request.ApiRequestError;
import dev.tusk.rest.schema.SchemaError;
import dev.tusk.rest.tx.DbError;

/** Converts each stage's error type into an {@link ApiProblem}. */
public final class Problems {

  private Problems() {}

  public static ApiProblem of(ApiRequestError e) {
    return ApiProblem.of(
        e.status(), e.code(), e.message(), e.details().orElse(null), e.hint().orElse(null));
  }

  public static ApiProblem of(AuthError e) {
    ApiProblem p =
        ApiProblem.of(
            e.status(), e.code(), e.getMessage(), e.details().orElse(null), e.hint().orElse(null));
    return e.wwwAuthenticate() == null
        ? p
        : p.withHeaders(Headers.of("WWW-Authenticate", e.wwwAuthenticate()));
  }

  /**
   * A database error. Any that answers 401 (42501 for the anonymous role, a token naming a role
   * that does not exist, {@code RAISE SQLSTATE 'PT401'}) says {@code WWW-Authenticate: Bearer}, as
   * PostgREST does: the client may succeed with a token. 403 does not: a token did not help.
   */
  public static ApiProblem of(DbError e) {
    ApiProblem p =
        ApiProblem.of(
            e.status(), e.code(), e.getMessage(), e.details().orElse(null), e.hint().orElse(null));
    return e.status() == 401 ? p.withHeaders(Headers.of("WWW-Authenticate", "Bearer")) : p;
  }

  public static ApiProblem of(SchemaError e) {
    return new ApiProblem(
        e.status(),
        e.code(),
        e.message(),
        details(e.details().orElse(null)),
        e.hint().orElse(null),
        Headers.empty());
  }

  /** Text details as a string; ambiguous-embed candidates as PostgREST's JSON array. */
  static com.fasterxml.jackson.databind.JsonNode details(SchemaError.Details d) {
    return switch (d) {
      case null -> null;
      case SchemaError.Details.Text t -> ApiProblem.JSON.getNodeFactory().textNode(t.text());
      case SchemaError.Details.Candidates c -> candidates(c);
    };
  }

  private static ArrayNode candidates(SchemaError.Details.Candidates c) {
    ArrayNode a = ApiProblem.JSON.createArrayNode();
    for (SchemaError.Details.Candidate x : c.candidates()) {
      ObjectNode o = a.addObject();
      o.put("cardinality", x.cardinality());
      o.put("embedding", x.embedding());
      o.put("relationship", x.relationship());
    }
    return a;
  }
}
