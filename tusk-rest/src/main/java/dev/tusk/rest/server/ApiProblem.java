package dev.tusk.rest.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.http.Headers;
import dev.tusk.core.http.Response;
import java.nio.charset.StandardCharsets;

/**
 * Any error the API answers with, in PostgREST's shape: {@code {"code", "details", "hint",
 * "message"}} with its HTTP status, plus headers some errors need (WWW-Authenticate, Retry-After,
 * Content-Range). Every stage's error type converts into this, and it renders in one place.
 */
public record ApiProblem(
    int status, String code, String message, JsonNode details, String hint, Headers headers) {

  static final ObjectMapper JSON = new ObjectMapper();

  public static ApiProblem of(
      int status, String code, String message, String details, String hint) {
    return new ApiProblem(
        status,
        code,
        message,
        details == null ? null : JSON.getNodeFactory().textNode(details),
        hint,
        Headers.empty());
  }

  public ApiProblem withHeaders(Headers extra) {
    return new ApiProblem(
        status,
        code,
        message,
        details,
        hint,
        Headers.builder().addAll(headers).addAll(extra).build());
  }

  /** The JSON body: every field present, null when absent, as PostgREST writes it. */
  public String body() {
    ObjectNode n = JSON.createObjectNode();
    n.put("code", code);
    n.set("details", details == null ? JSON.nullNode() : details);
    n.put("hint", hint);
    n.put("message", message);
    return n.toString();
  }

  public Response toResponse() {
    Headers h =
        Headers.builder()
            .add("Content-Type", "application/json; charset=utf-8")
            .addAll(headers)
            .build();
    return Response.of(status, h, body().getBytes(StandardCharsets.UTF_8));
  }
}
