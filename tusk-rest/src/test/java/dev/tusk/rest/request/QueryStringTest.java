package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.QueryString.Param;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryStringTest {

  @Test
  void splitsAndDecodes() {
    assertThat(QueryString.parse("a=1&b=x%20y+z&c&d=&=e&&f=a=b"))
        .containsExactly(
            new Param("a", Optional.of("1")),
            new Param("b", Optional.of("x y z")),
            new Param("c", Optional.empty()),
            new Param("d", Optional.of("")),
            new Param("", Optional.of("e")),
            new Param("f", Optional.of("a=b")));
  }

  @Test
  void emptyAndNullQueriesHaveNoParameters() {
    assertThat(QueryString.parse(null)).isEmpty();
    assertThat(QueryString.parse("")).isEmpty();
    assertThat(QueryString.parse("&&&")).isEmpty();
  }

  @Test
  void utf8AndRawNonAsciiDecode() {
    assertThat(QueryString.parse("n=%C3%A9t%C3%A9&m=été&k=%F0%9F%98%80&r=😀"))
        .extracting(Param::value)
        .containsExactly(
            Optional.of("été"), Optional.of("été"), Optional.of("😀"), Optional.of("😀"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=%ZZ|Invalid percent-encoding in the request URL|\"%ZZ\" at position 3 in the value of 'a' is not % followed by two hex digits",
        "a=%4|Invalid percent-encoding in the request URL|\"%4\" at position 3 in the value of 'a' is not % followed by two hex digits",
        "a=x%|Invalid percent-encoding in the request URL|\"%\" at position 4 in the value of 'a' is not % followed by two hex digits",
        "%G1=x|Invalid percent-encoding in the request URL|\"%G1\" at position 1 in a parameter name is not % followed by two hex digits",
        "a=%C3%28|The request URL is not valid UTF-8|the value of 'a' does not decode to UTF-8 text",
        "a=%FF|The request URL is not valid UTF-8|the value of 'a' does not decode to UTF-8 text",
        "a=%ED%A0%80|The request URL is not valid UTF-8|the value of 'a' does not decode to UTF-8 text",
        "a=%C0%AF|The request URL is not valid UTF-8|the value of 'a' does not decode to UTF-8 text",
        "a=x%00y|The request URL contains a NUL character|the value of 'a' contains %00; PostgreSQL text cannot hold NUL",
        "%00=eq.1|The request URL contains a NUL character|a parameter name contains %00; PostgreSQL text cannot hold NUL"
      })
  void strictDecodingErrors(String query, String message, String details) {
    ApiRequestError error = errorOf(() -> QueryString.parse(query));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).isEqualTo(message);
    assertThat(error.details()).contains(details);
    assertThat(error.hint()).isPresent();
  }

  @Test
  void loneSurrogateInARawQueryIsNotUtf8() {
    ApiRequestError error = errorOf(() -> QueryString.parse("a=\uD800x"));
    assertThat(error.message()).isEqualTo("The request URL is not valid UTF-8");
    assertThat(QueryString.parse("a=x").get(0).value()).contains("x");
    assertThat(List.of(QueryString.decode("a%2Bb+c", 0, 7, false, "p"))).containsExactly("a+b+c");
  }
}
