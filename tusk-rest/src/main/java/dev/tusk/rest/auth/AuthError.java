package dev.tusk.rest.auth;

import java.util.Optional;

/**
 * A request's credentials were refused. Codes, statuses and messages are PostgREST's (group
 * PGRST3xx), so clients written against PostgREST keep branching on them; {@link #details()} adds
 * what PostgREST leaves out (which kid, which time), so a user can act without a debugger. Every
 * instance carries the {@code WWW-Authenticate} value RFC 6750 asks for on a 401.
 *
 * <p>No stack trace is captured: a client can provoke these at will, and they are answers, not
 * bugs.
 */
public final class AuthError extends RuntimeException {

  /** Messages PostgREST uses for PGRST301; clients match on some of them. */
  public static final String EMPTY = "Empty JWT is sent in Authorization header";

  public static final String NO_KEY = "No suitable key or wrong key type";
  public static final String BAD_ALG = "Wrong or unsupported encoding algorithm";
  public static final String BAD_CRYPTO = "JWT cryptographic operation failed";
  public static final String UNSUPPORTED_TYPE = "Unsupported token type";
  public static final String UNDECODABLE = "JWT couldn't be decoded";

  private final String code;
  private final int status;
  private final String details;
  private final String hint;
  private final String wwwAuthenticate;

  private AuthError(
      String code, int status, String message, String details, String hint, String www) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.details = details;
    this.hint = hint;
    this.wwwAuthenticate = www;
  }

  /**
   * PGRST300: a token was sent but no secret or JWKS is configured. PostgREST answers 500; Tusk
   * answers 401, because a server without keys is a legitimate anonymous-only deployment, the
   * client cannot fix a 5xx, and a 500 anyone can provoke would page the operator for nothing.
   */
  static AuthError serverLacksSecret() {
    return new AuthError(
        "PGRST300",
        401,
        "Server lacks JWT secret",
        "the request carries a bearer token, but api.jwt has no secret, jwks_file or jwks_url",
        "send the request without a token, or configure api.jwt.secret (or a JWKS) on the server",
        invalidToken("Server lacks JWT secret"));
  }

  /** PGRST301: the token could not be decoded or its signature not verified. */
  static AuthError invalid(String message, String details) {
    return new AuthError(
        "PGRST301",
        401,
        message,
        details,
        "send a compact JWS signed with a key the server trusts (api.jwt)",
        invalidToken(message));
  }

  /** PGRST302: no token, and no anonymous role to fall back to. */
  static AuthError anonymousDisabled() {
    return new AuthError(
        "PGRST302",
        401,
        "Anonymous access is disabled",
        null,
        "send an Authorization: Bearer token (anonymous requests need api.anon_role)",
        "Bearer");
  }

  /**
   * A token naming a role the API never switches to (the superuser, the login role itself): 401
   * PGRST303 before any {@code SET ROLE}, whatever the role memberships would allow.
   */
  public static AuthError refusedRole(String role) {
    return claims(
        "JWT role is not allowed",
        "the token's role \"" + CompactJws.printable(role) + "\" is one this API never switches to",
        "issue tokens for an API role (one granted to the authenticator, not the superuser)");
  }

  /** PGRST303: the signature is good but a claim (exp, nbf, iat, aud, role) is not acceptable. */
  static AuthError claims(String message, String details, String hint) {
    return new AuthError("PGRST303", 401, message, details, hint, invalidToken(message));
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public Optional<String> details() {
    return Optional.ofNullable(details);
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** The value of the {@code WWW-Authenticate} response header. */
  public String wwwAuthenticate() {
    return wwwAuthenticate;
  }

  /**
   * {@code Bearer error="invalid_token", error_description="..."}; the description is a
   * quoted-string (RFC 7230), so quotes and backslashes are escaped and anything outside printable
   * ASCII becomes {@code ?}: a header line can never be split.
   */
  static String invalidToken(String description) {
    StringBuilder out = new StringBuilder("Bearer error=\"invalid_token\", error_description=\"");
    for (int i = 0; i < description.length(); i++) {
      char c = description.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
