package dev.tusk.rest.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorJsonTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final ErrorJson json = new ErrorJson(mapper);

  @Test
  void rendersPostgrestsDocumentedBody() throws Exception {
    JsonNode body =
        mapper.readTree(json.render(new ApiRequestError.InvalidPreferences(List.of("foo", "bar"))));
    assertThat(body)
        .isEqualTo(
            mapper.readTree(
                "{\"code\":\"PGRST122\",\"message\":\"Invalid preferences given with"
                    + " handling=strict\",\"details\":\"Invalid preferences: foo, bar\","
                    + "\"hint\":null}"));
  }

  @Test
  void everyErrorHasTheFourKeys() throws Exception {
    List<ApiRequestError> all =
        List.of(
            new ApiRequestError.QueryParamError("m", "d"),
            new ApiRequestError.InvalidRpcMethod("PUT"),
            new ApiRequestError.InvalidRange(ApiRequestError.InvalidRange.NEGATIVE_LIMIT),
            new ApiRequestError.UnacceptableSchema("media", List.of("a")),
            new ApiRequestError.NotAcceptable(List.of("text/html")),
            new ApiRequestError.PutLimitNotAllowed(),
            new ApiRequestError.UnsupportedMethod("TRACE"),
            new ApiRequestError.InvalidPreferences(List.of("x")),
            new ApiRequestError.InvalidResourcePath("/a/b"));
    for (ApiRequestError error : all) {
      JsonNode body = mapper.readTree(json.render(error));
      assertThat(body.fieldNames())
          .toIterable()
          .containsExactly("code", "message", "details", "hint");
      assertThat(body.get("code").asText()).isEqualTo(error.code()).startsWith("PGRST1");
      assertThat(body.get("message").asText()).isEqualTo(error.message());
      assertThat(body.get("details").isNull()).isEqualTo(error.details().isEmpty());
      assertThat(body.get("hint").isNull()).isEqualTo(error.hint().isEmpty());
    }
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharacters() throws Exception {
    ApiRequestError error =
        new ApiRequestError.UnacceptableSchema("a\uD800b\uDC00", List.of("x😀"));
    JsonNode body = mapper.readTree(json.render(error));
    assertThat(body.get("message").asText()).isEqualTo("Invalid schema: a\uFFFDb\uFFFD");
    assertThat(body.get("hint").asText()).endsWith("x😀");
    assertThat(ErrorJson.wellFormed("plain")).isEqualTo("plain");
    assertThat(ErrorJson.wellFormed("\uD83D")).isEqualTo("\uFFFD");
  }
}
