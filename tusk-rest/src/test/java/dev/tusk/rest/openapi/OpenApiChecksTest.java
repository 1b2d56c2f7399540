package dev.tusk.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The structural checks catch what they claim to, so a passing document means something. */
class OpenApiChecksTest {

  private final OpenApiWriter writer = new OpenApiWriter();

  private ObjectNode swagger2() {
    return (ObjectNode)
        OpenApiRefs.parse(writer.swagger2(OpenApiFixtures.blog(), OpenApiFixtures.settings()));
  }

  private ObjectNode openapi31() {
    return (ObjectNode)
        OpenApiRefs.parse(writer.openapi31(OpenApiFixtures.blog(), OpenApiFixtures.settings()));
  }

  @Test
  void danglingReferencesAreFound() {
    ObjectNode d = swagger2();
    ((ObjectNode) d.get("definitions")).remove("authors");
    assertThat(OpenApiChecks.swagger2(d))
        .anyMatch(p -> p.contains("#/definitions/authors") && p.contains("does not resolve"));
    ObjectNode v3 = openapi31();
    ((ObjectNode) v3.path("components").path("parameters")).remove("select");
    assertThat(OpenApiChecks.openapi31(v3)).anyMatch(p -> p.contains("dangling"));
  }

  @Test
  void missingTopLevelFieldsAreFound() {
    ObjectNode d = swagger2();
    ((ObjectNode) d.get("info")).remove("version");
    d.put("swagger", "3.0");
    assertThat(OpenApiChecks.swagger2(d)).contains("info.version missing", "swagger is not 2.0");
    ObjectNode v3 = openapi31();
    v3.remove("paths");
    assertThat(OpenApiChecks.openapi31(v3)).contains("paths missing");
  }

  @Test
  void unescapedPathKeysAndBadComponentKeysAreFound() {
    ObjectNode d = swagger2();
    ((ObjectNode) d.get("paths")).set("/a b", d.path("paths").path("/authors").deepCopy());
    ((ObjectNode) d.get("paths")).set("/{x}", d.path("paths").path("/authors").deepCopy());
    assertThat(OpenApiChecks.swagger2(d))
        .contains(
            "path key '/a b' is not an escaped path", "path key '/{x}' is not an escaped path");
    ObjectNode v3 = openapi31();
    ((ObjectNode) v3.path("components").path("schemas")).putObject("a b");
    assertThat(OpenApiChecks.openapi31(v3)).anyMatch(p -> p.contains("'a b'"));
  }

  @Test
  void badParametersAreFound() {
    ObjectNode d = swagger2();
    ((ObjectNode) d.path("parameters").path("select")).put("in", "nowhere");
    ((ObjectNode) d.path("parameters").path("order")).put("type", "object");
    assertThat(OpenApiChecks.swagger2(d))
        .anyMatch(p -> p.contains("parameter in 'nowhere'"))
        .anyMatch(p -> p.contains("needs a primitive type"));
    ObjectNode noResponses = swagger2();
    ((ObjectNode) noResponses.path("paths").path("/authors").path("get")).putObject("responses");
    assertThat(OpenApiChecks.swagger2(noResponses)).contains("GET /authors: no responses");
  }

  @Test
  void duplicateKeysAreNotValidJson() {
    assertThatThrownBy(() -> OpenApiRefs.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> OpenApiRefs.parse("{} {}")).isInstanceOf(AssertionError.class);
    JsonNode fine = OpenApiRefs.parse("{\"a\":1}");
    assertThat(fine.path("a").asInt()).isEqualTo(1);
  }
}
