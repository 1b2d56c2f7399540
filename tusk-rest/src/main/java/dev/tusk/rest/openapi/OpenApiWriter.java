package dev.tusk.rest.openapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tusk.rest.schema.SchemaCache;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes the API description served at {@code /}: PostgREST's Swagger 2.0 document, or the OpenAPI
 * 3.1 one PostgREST never shipped. Both are pure functions of the schema cache and the settings (no
 * database access), built as Jackson trees so any name the database holds comes out as valid JSON,
 * and deterministic: the same cache and settings give the same bytes, so responses can be cached
 * and compared.
 *
 * <p>A document describes one exposed schema (the default, or {@link OpenApiSettings#schema()}),
 * and only the tables and functions the settings include.
 */
public final class OpenApiWriter {

  private final ObjectWriter writer;

  public OpenApiWriter() {
    this(new ObjectMapper());
  }

  public OpenApiWriter(ObjectMapper mapper) {
    this.writer =
        Objects.requireNonNull(mapper, "mapper")
            .writer()
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /**
   * The Swagger 2.0 document PostgREST serves for {@code application/openapi+json}.
   *
   * @throws IllegalArgumentException when the settings name a schema the cache does not expose
   */
  public String swagger2(SchemaCache cache, OpenApiSettings settings) {
    return write(Swagger2Document.build(Described.of(cache, settings)));
  }

  /**
   * The OpenAPI 3.1 document ({@code /?openapi=3}).
   *
   * @throws IllegalArgumentException when the settings name a schema the cache does not expose
   */
  public String openapi31(SchemaCache cache, OpenApiSettings settings) {
    return write(OpenApi31Document.build(Described.of(cache, settings)));
  }

  private String write(JsonNode document) {
    try {
      return writer.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree could not be written", e);
    }
  }
}
