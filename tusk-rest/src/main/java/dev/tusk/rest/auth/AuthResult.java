package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Who a request runs as: the role the transaction stage switches into, and for a verified token its
 * claims. Refusals are not results; they are thrown as {@link AuthError}.
 */
public sealed interface AuthResult {

  /** The database role to {@code SET LOCAL ROLE} to. */
  String role();

  /** No token was sent; the request runs as {@code api.anon_role}. */
  record Anonymous(String role) implements AuthResult {
    public Anonymous {
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * A verified token. {@code claims} is the payload with {@code role} set to the resolved role (as
   * PostgREST does, so {@code request.jwt.claims->>'role'} is the role in effect); {@code
   * claimsJson} is the same object serialised, ready for {@code request.jwt.claims}. The node is a
   * private copy: changing it changes nothing else.
   */
  record Authenticated(String role, ObjectNode claims, String claimsJson) implements AuthResult {
    public Authenticated {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(claims, "claims");
      Objects.requireNonNull(claimsJson, "claimsJson");
    }
  }
}
