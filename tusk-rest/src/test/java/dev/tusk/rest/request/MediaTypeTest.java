package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.get;
import static dev.tusk.rest.request.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.MediaType.PlanFormat;
import dev.tusk.rest.request.MediaType.PlanOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaTypeTest {

  static Stream<Arguments> rowNegotiation() {
    return Stream.of(
        Arguments.of("application/json", new MediaType.Json()),
        Arguments.of("*/*", new MediaType.Json()),
        Arguments.of("", new MediaType.Json()),
        Arguments.of(" , ,", new MediaType.Json()),
        Arguments.of("Application/JSON; charset=utf-8", new MediaType.Json()),
        Arguments.of("application/vnd.pgrst.object+json", new MediaType.SingleObject(false)),
        Arguments.of("application/vnd.pgrst.object", new MediaType.SingleObject(false)),
        Arguments.of(
            "application/vnd.pgrst.object+json;nulls=stripped", new MediaType.SingleObject(true)),
        Arguments.of(
            "application/vnd.pgrst.array+json;nulls=stripped", new MediaType.ArrayJson(true)),
        Arguments.of("text/csv", new MediaType.Csv()),
        Arguments.of("application/geo+json", new MediaType.GeoJson()),
        Arguments.of("text/html, application/json;q=0.5", new MediaType.Json()),
        Arguments.of("text/csv;q=0.5, application/json", new MediaType.Json()),
        Arguments.of("application/json;q=0.4, text/csv;q=0.9", new MediaType.Csv()),
        Arguments.of("text/csv, application/json", new MediaType.Csv()),
        Arguments.of("text/*", new MediaType.Csv()),
        Arguments.of("application/*", new MediaType.Json()),
        Arguments.of("application/json;q=abc, text/csv", new MediaType.Csv()),
        Arguments.of(
            "application/vnd.pgrst.plan+json; for=\"application/vnd.pgrst.object+json\"; options=analyze|verbose",
            new MediaType.Plan(
                new MediaType.SingleObject(false),
                PlanFormat.JSON,
                Set.of(PlanOption.ANALYZE, PlanOption.VERBOSE))),
        Arguments.of(
            "application/vnd.pgrst.plan",
            new MediaType.Plan(new MediaType.Json(), PlanFormat.TEXT, Set.of())),
        Arguments.of(
            "application/vnd.pgrst.plan+text; options=buffers|wal|settings|nonsense",
            new MediaType.Plan(
                new MediaType.Json(),
                PlanFormat.TEXT,
                Set.of(PlanOption.BUFFERS, PlanOption.WAL, PlanOption.SETTINGS))));
  }

  @ParameterizedTest
  @MethodSource("rowNegotiation")
  void rowEndpointsNegotiate(String accept, MediaType expected) {
    ApiRequest request = accept.isEmpty() ? get("/articles") : get("/articles", "Accept", accept);
    assertThat(request.negotiation()).isEqualTo(new Negotiation.Acceptable(expected));
  }

  @Test
  void severalAcceptHeadersAreOneList() {
    ApiRequest request = get("/articles", "Accept", "text/html", "accept", "text/csv");
    assertThat(request.negotiation()).isEqualTo(new Negotiation.Acceptable(new MediaType.Csv()));
    assertThat(request.accept())
        .extracting(MediaRange::raw)
        .containsExactly("text/html", "text/csv");
  }

  static Stream<Arguments> notAcceptable() {
    return Stream.of(
        Arguments.of("text/html", List.of("text/html")),
        Arguments.of("text/html, image/png;q=0.1", List.of("text/html", "image/png;q=0.1")),
        Arguments.of("application/json;q=0", List.of()),
        Arguments.of("application/json;q=1.5", List.of()),
        Arguments.of(
            "application/vnd.pgrst.plan; for=\"text/html\"",
            List.of("application/vnd.pgrst.plan; for=\"text/html\"")),
        Arguments.of("nonsense", List.of("nonsense")));
  }

  @ParameterizedTest
  @MethodSource("notAcceptable")
  void unsupportedAcceptIsATypedResultNotAnException(String accept, List<String> requested) {
    Negotiation negotiation = get("/articles", "Accept", accept).negotiation();
    assertThat(negotiation).isEqualTo(new Negotiation.NotAcceptable(requested));
    ApiRequestError error = ((Negotiation.NotAcceptable) negotiation).error();
    assertThat(error.code()).isEqualTo("PGRST107");
    assertThat(error.status()).isEqualTo(406);
    assertThat(error.message())
        .isEqualTo("None of these media types are available: " + String.join(", ", requested));
  }

  @Test
  void rootOffersOpenApiFirstAndOptionsAlwaysAnswers() {
    assertThat(get("/").negotiation())
        .isEqualTo(new Negotiation.Acceptable(new MediaType.OpenApi()));
    assertThat(get("/", "Accept", "application/json").negotiation())
        .isEqualTo(new Negotiation.Acceptable(new MediaType.Json()));
    assertThat(get("/", "Accept", "text/csv").negotiation())
        .isInstanceOf(Negotiation.NotAcceptable.class);
    assertThat(send("OPTIONS", "/articles", "Accept", "text/html").negotiation())
        .isEqualTo(new Negotiation.Acceptable(new MediaType.Json()));
  }

  @Test
  void aFunctionsOwnMediaTypeCanBeNegotiatedByThePlanner() {
    List<MediaRange> accept = MediaTypeParser.parseAccept("text/plain, */*;q=0.1");
    List<MediaType> producible = List.of(new MediaType.TextPlain(), new MediaType.Json());
    assertThat(MediaNegotiator.negotiate(accept, producible))
        .isEqualTo(new Negotiation.Acceptable(new MediaType.TextPlain()));
    assertThat(
            MediaNegotiator.negotiate(
                MediaTypeParser.parseAccept("application/x-custom"),
                List.of(new MediaType.Other("application/x-custom"))))
        .isEqualTo(new Negotiation.Acceptable(new MediaType.Other("application/x-custom")));
  }

  static Stream<Arguments> contentTypes() {
    return Stream.of(
        Arguments.of(null, new MediaType.Json()),
        Arguments.of("application/json; charset=utf-8", new MediaType.Json()),
        Arguments.of("Text/CSV", new MediaType.Csv()),
        Arguments.of("application/x-www-form-urlencoded", new MediaType.UrlEncoded()),
        Arguments.of("text/plain", new MediaType.TextPlain()),
        Arguments.of("text/xml", new MediaType.TextXml()),
        Arguments.of("application/octet-stream", new MediaType.OctetStream()),
        Arguments.of("application/vnd.pgrst.object+json", new MediaType.SingleObject(false)),
        Arguments.of("image/png", new MediaType.Other("image/png")),
        Arguments.of("garbage", new MediaType.Other("garbage")),
        Arguments.of("", new MediaType.Other("")));
  }

  @ParameterizedTest
  @MethodSource("contentTypes")
  void payloadKeepsBytesAndContentType(String contentType, MediaType expected) {
    String[] headers =
        contentType == null ? new String[0] : new String[] {"Content-Type", contentType};
    ApiRequest request = Requests.send("POST", "/labels", Requests.LIMITS, "{\"id\":1}", headers);
    assertThat(request.payload()).isPresent();
    assertThat(request.payload().get().contentType()).isEqualTo(expected);
    assertThat(new String(request.payload().get().bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1}");
  }

  @Test
  void quotedParametersMaySeparatorsAndEscapes() {
    MediaType plan =
        MediaTypeParser.parse("application/vnd.pgrst.plan+json; for=\"text/csv; x=\\\"y\\\"\"");
    assertThat(plan).isEqualTo(new MediaType.Plan(new MediaType.Csv(), PlanFormat.JSON, Set.of()));
    assertThat(MediaTypeParser.parseAccept("text/csv;x=\"a,b\", application/json"))
        .extracting(MediaRange::type)
        .containsExactly(new MediaType.Csv(), new MediaType.Json());
  }
}
