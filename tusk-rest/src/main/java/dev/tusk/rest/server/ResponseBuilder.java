package dev.tusk.rest.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.http.Headers;
import dev.tusk.core.http.Response;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.tx.TxResult;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The Response stage: a pure function of the plan's shape and the transaction's result. Status
 * codes, Content-Range, Location, Preference-Applied and the response GUCs follow PostgREST.
 */
public final class ResponseBuilder {

  private ResponseBuilder() {}

  /** {@code path} is the request path (for Location), already as the client sent it. */
  public static Response build(ResponseShape shape, TxResult r, String path) throws ApiFailure {
    if (shape.media() instanceof MediaType.Plan plan) {
      return planResponse(shape, plan, r);
    }
    OptionalLong total = r.total().isPresent() ? r.total() : r.estimatedTotal();
    Headers.Builder h = Headers.builder();
    int status;
    boolean withBody = shape.returnRepresentation() && !shape.headersOnly();
    switch (shape.kind()) {
      case READ, RPC -> {
        if (total.isPresent()
            && r.pageTotal() == 0
            && shape.offset() > 0
            && shape.offset() >= total.getAsLong()) {
          throw new ApiFailure(
              ApiProblem.of(
                      416,
                      "PGRST103",
                      "Requested range not satisfiable",
                      "An offset of "
                          + shape.offset()
                          + " was requested, but there are only "
                          + total.getAsLong()
                          + " rows.",
                      null)
                  .withHeaders(Headers.of("Content-Range", "*/" + total.getAsLong())));
        }
        status =
            total.isPresent() && r.pageTotal() < total.getAsLong() && !shape.singular() ? 206 : 200;
        h.add("Content-Range", contentRange(shape.offset(), r.pageTotal(), total));
        withBody = true;
      }
      case RPC_VOID -> {
        status = 204;
        h.add("Content-Range", contentRange(shape.offset(), r.pageTotal(), total));
        withBody = false;
      }
      case CREATE -> {
        // A merging upsert that only replaced rows is 200, as in PostgREST 12.
        status = r.inserted().isPresent() && r.inserted().getAsLong() == 0 ? 200 : 201;
        r.location()
            .filter(l -> shape.headersOnly())
            .ifPresent(l -> h.add("Location", path + "?" + l));
        // With Prefer: count=..., a write's count is the rows it affected, as in PostgREST.
        h.add("Content-Range", rowCount(shape, r));
      }
      case UPSERT -> {
        // PUT has no Content-Range; 201 when the row was new, 200 when it replaced one.
        boolean created = r.inserted().isPresent() && r.inserted().getAsLong() > 0;
        status = withBody ? (created ? 201 : 200) : 204;
      }
      case UPDATE -> {
        status = withBody ? 200 : 204;
        OptionalLong affected =
            shape.countRequested() ? OptionalLong.of(r.pageTotal()) : OptionalLong.empty();
        h.add("Content-Range", contentRange(0, r.pageTotal(), affected));
      }
      case DELETE -> {
        status = withBody ? 200 : 204;
        h.add("Content-Range", rowCount(shape, r));
      }
      default -> throw new IllegalStateException("unknown kind " + shape.kind());
    }
    if (!shape.preferenceApplied().isEmpty()) {
      h.add("Preference-Applied", String.join(", ", shape.preferenceApplied()));
    }
    status = applyGucs(r, h, status);
    Headers soFar = h.build();
    Headers.Builder fin = Headers.builder().addAll(soFar);
    byte[] body = new byte[0];
    // Content-Type (and Content-Profile) come with a body, or with the headers of one for HEAD.
    if (withBody && status != 204 && (r.body().isPresent() || shape.headOnly())) {
      if (!soFar.contains("Content-Type")) {
        fin.add("Content-Type", contentType(shape.media()));
      }
      if (shape.echoProfile()) {
        fin.add("Content-Profile", shape.schema());
      }
      body = r.body().map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(body);
    }
    // For HEAD the HTTP server sends the headers (and Content-Length) of this GET response only.
    return Response.of(status, fin.build(), body);
  }

  /** POST's and DELETE's Content-Range: no range, and the affected rows when a count was asked. */
  private static String rowCount(ResponseShape shape, TxResult r) {
    return shape.countRequested() ? "*/" + r.pageTotal() : "*/*";
  }

  /**
   * {@code Accept: application/vnd.pgrst.plan}: 200 and the EXPLAIN output, whatever the request
   * would have answered, as PostgREST answers a plan for reads, writes and calls alike.
   */
  private static Response planResponse(ResponseShape shape, MediaType.Plan plan, TxResult r) {
    Headers.Builder h = Headers.builder().add("Content-Type", contentType(plan));
    if (shape.echoProfile()) {
      h.add("Content-Profile", shape.schema());
    }
    return Response.of(200, h.build(), r.body().orElse("").getBytes(StandardCharsets.UTF_8));
  }

  static String contentRange(long offset, long pageTotal, OptionalLong total) {
    String t = total.isPresent() ? Long.toString(total.getAsLong()) : "*";
    if (pageTotal <= 0) {
      return "*/" + t;
    }
    return offset + "-" + (offset + pageTotal - 1) + "/" + t;
  }

  static String contentType(MediaType media) {
    return switch (media) {
      case MediaType.Csv c -> "text/csv; charset=utf-8";
      case MediaType.SingleObject o -> "application/vnd.pgrst.object+json; charset=utf-8";
      case MediaType.ArrayJson a -> "application/vnd.pgrst.array+json; charset=utf-8";
      case MediaType.Plan p ->
          p.essence()
              + "; for=\""
              + p.target().essence()
              + "\""
              + (p.options().isEmpty()
                  ? ""
                  : p.options().stream()
                      .sorted()
                      .map(o -> o.name().toLowerCase(Locale.ROOT))
                      .collect(Collectors.joining("|", "; options=", "")))
              + "; charset=utf-8";
      default -> "application/json; charset=utf-8";
    };
  }

  /**
   * {@code response.status} replaces the status; {@code response.headers}, a JSON array of one-key
   * objects, adds headers (a function's Content-Type wins over the default).
   */
  static int applyGucs(TxResult r, Headers.Builder h, int status) throws ApiFailure {
    if (r.responseHeaders().isPresent()) {
      try {
        JsonNode arr = ApiProblem.JSON.readTree(r.responseHeaders().get());
        if (!arr.isArray()) {
          throw new IllegalArgumentException();
        }
        for (JsonNode o : arr) {
          if (!o.isObject()) {
            throw new IllegalArgumentException();
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            h.add(e.getKey(), e.getValue().asText());
          }
        }
      } catch (Exception e) {
        throw new ApiFailure(
            ApiProblem.of(
                500,
                "PGRST111",
                "response.headers guc must be a JSON array composed of objects with a single key"
                    + " and a string value",
                null,
                null));
      }
    }
    if (r.responseStatus().isPresent()) {
      try {
        int s = Integer.parseInt(r.responseStatus().get().strip());
        if (s < 100 || s > 599) {
          throw new NumberFormatException();
        }
        return s;
      } catch (NumberFormatException e) {
        throw new ApiFailure(
            ApiProblem.of(
                500, "PGRST112", "response.status guc must be a valid status code", null, null));
      }
    }
    return status;
  }
}
