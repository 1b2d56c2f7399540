package dev.tusk.rest.query;

import dev.tusk.rest.request.MediaType;
import java.util.List;
import java.util.OptionalLong;

/**
 * Everything the response stage needs besides the statement's result: what kind of request it was,
 * which media type the body is in, and the preferences that change status and headers.
 *
 * @param singular {@code application/vnd.pgrst.object+json}: exactly one row or 406 PGRST116
 * @param offset the first row's index, for Content-Range
 * @param returnRepresentation whether the body carries the rows ({@code return=representation},
 *     always for reads and RPC)
 * @param headersOnly {@code return=headers-only}: Location but no body
 * @param countRequested whether {@code Prefer: count=...} asked for a total (Content-Range then
 *     shows it instead of {@code *})
 * @param maxAffected {@code Prefer: max-affected=N} under handling=strict: more rows is PGRST124
 * @param preferenceApplied the value of the Preference-Applied header, one entry per preference
 * @param headOnly HEAD: headers as for GET, no body
 * @param schema the schema, echoed in Content-Profile when it counts as negotiated by profile
 * @param echoProfile whether to send Content-Profile (with the Content-Type of a body)
 */
public record ResponseShape(
    ResponseKind kind,
    MediaType media,
    boolean singular,
    long offset,
    boolean returnRepresentation,
    boolean headersOnly,
    boolean countRequested,
    OptionalLong maxAffected,
    List<String> preferenceApplied,
    boolean headOnly,
    String schema,
    boolean echoProfile) {

  public ResponseShape {
    preferenceApplied = List.copyOf(preferenceApplied);
  }
}
