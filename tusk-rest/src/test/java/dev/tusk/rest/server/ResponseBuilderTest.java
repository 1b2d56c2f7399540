package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.http.Response;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.tx.TxResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResponseBuilderTest {

  static ResponseShape shape(ResponseKind kind, long offset, boolean repr, boolean headersOnly) {
    return new ResponseShape(
        kind,
        new MediaType.Json(),
        false,
        offset,
        repr,
        headersOnly,
        false,
        OptionalLong.empty(),
        List.of(),
        false,
        "content",
        false);
  }

  static TxResult result(Long total, long page, String body) {
    return new TxResult(
        total == null ? OptionalLong.empty() : OptionalLong.of(total),
        page,
        Optional.ofNullable(body),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        true,
        OptionalLong.empty());
  }

  static String body(Response r) {
    return new String(((dev.tusk.core.http.Body.Bytes) r.body()).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void readsGiveContentRangeAnd206WhenTheTotalIsLarger() throws Exception {
    Response r =
        ResponseBuilder.build(
            shape(ResponseKind.READ, 0, true, false), result(null, 3, "[1,2,3]"), "/a");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("Content-Range")).hasValue("0-2/*");
    assertThat(r.headers().first("Content-Type")).hasValue("application/json; charset=utf-8");
    Response partial =
        ResponseBuilder.build(
            shape(ResponseKind.READ, 0, true, false), result(6L, 2, "[1,2]"), "/a");
    assertThat(partial.status()).isEqualTo(206);
    assertThat(partial.headers().first("Content-Range")).hasValue("0-1/6");
    Response offset =
        ResponseBuilder.build(
            shape(ResponseKind.READ, 1, true, false), result(null, 2, "[2,3]"), "/a");
    assertThat(offset.headers().first("Content-Range")).hasValue("1-2/*");
    Response none =
        ResponseBuilder.build(shape(ResponseKind.READ, 0, true, false), result(0L, 0, "[]"), "/a");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.headers().first("Content-Range")).hasValue("*/0");
  }

  @Test
  void anOffsetPastTheEndIs416() {
    assertThatThrownBy(
            () ->
                ResponseBuilder.build(
                    shape(ResponseKind.READ, 100, true, false), result(6L, 0, "[]"), "/a"))
        .isInstanceOfSatisfying(
            ApiFailure.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(416);
              assertThat(e.problem().code()).isEqualTo("PGRST103");
              assertThat(e.problem().headers().first("Content-Range")).hasValue("*/6");
              assertThat(e.problem().body())
                  .isEqualTo(
                      "{\"code\":\"PGRST103\",\"details\":\"An offset of 100 was requested, but there"
                          + " are only 6 rows.\",\"hint\":null,\"message\":\"Requested range not"
                          + " satisfiable\"}");
            });
  }

  @Test
  void writesFollowReturnPreference() throws Exception {
    Response created =
        ResponseBuilder.build(
            shape(ResponseKind.CREATE, 0, false, false), result(null, 1, null), "/a");
    assertThat(created.status()).isEqualTo(201);
    assertThat(body(created)).isEmpty();
    TxResult withLocation =
        new TxResult(
            OptionalLong.empty(),
            1,
            Optional.empty(),
            Optional.of("id=eq.7"),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty(),
            true,
            OptionalLong.empty());
    Response headers =
        ResponseBuilder.build(
            shape(ResponseKind.CREATE, 0, false, true), withLocation, "/articles");
    assertThat(headers.headers().first("Location")).hasValue("/articles?id=eq.7");
    Response patched =
        ResponseBuilder.build(
            shape(ResponseKind.UPDATE, 0, true, false), result(null, 1, "[{}]"), "/a");
    assertThat(patched.status()).isEqualTo(200);
    Response deleted =
        ResponseBuilder.build(
            shape(ResponseKind.DELETE, 0, false, false), result(null, 1, null), "/a");
    assertThat(deleted.status()).isEqualTo(204);
  }

  @Test
  void aWriteWithACountReportsTheRowsItAffected() throws Exception {
    ResponseShape counted =
        new ResponseShape(
            ResponseKind.UPDATE,
            new MediaType.Json(),
            false,
            0,
            true,
            false,
            true,
            OptionalLong.empty(),
            List.of("count=exact"),
            false,
            "content",
            false);
    Response r = ResponseBuilder.build(counted, result(null, 2, "[{},{}]"), "/a");
    assertThat(r.headers().first("Content-Range")).hasValue("0-1/2");
    assertThat(r.headers().first("Preference-Applied")).hasValue("count=exact");
    ResponseShape insert =
        new ResponseShape(
            ResponseKind.CREATE,
            new MediaType.Json(),
            false,
            0,
            false,
            false,
            true,
            OptionalLong.empty(),
            List.of(),
            false,
            "content",
            false);
    assertThat(
            ResponseBuilder.build(insert, result(null, 3, null), "/a")
                .headers()
                .first("Content-Range"))
        .hasValue("*/3");
    Response uncounted =
        ResponseBuilder.build(
            shape(ResponseKind.UPDATE, 0, true, false), result(null, 2, "[{},{}]"), "/a");
    assertThat(uncounted.headers().first("Content-Range")).hasValue("0-1/*");
  }

  @Test
  void responseGucsOverrideStatusAndAddHeaders() throws Exception {
    TxResult r =
        new TxResult(
            OptionalLong.empty(),
            1,
            Optional.of("\"x\""),
            Optional.empty(),
            Optional.of("[{\"X-Custom\": \"yes\"}, {\"Content-Type\": \"text/plain\"}]"),
            Optional.of("418"),
            OptionalLong.empty(),
            true,
            OptionalLong.empty());
    Response resp = ResponseBuilder.build(shape(ResponseKind.RPC, 0, true, false), r, "/rpc/f");
    assertThat(resp.status()).isEqualTo(418);
    assertThat(resp.headers().first("X-Custom")).hasValue("yes");
    assertThat(resp.headers().all("Content-Type")).containsExactly("text/plain");
  }

  @Test
  void malformedGucsArePostgrestErrors() {
    for (String bad : new String[] {"{}", "[1]", "not json"}) {
      TxResult r =
          new TxResult(
              OptionalLong.empty(),
              1,
              Optional.of("1"),
              Optional.empty(),
              Optional.of(bad),
              Optional.empty(),
              OptionalLong.empty(),
              true,
              OptionalLong.empty());
      assertThatThrownBy(
              () -> ResponseBuilder.build(shape(ResponseKind.RPC, 0, true, false), r, "/rpc/f"))
          .isInstanceOfSatisfying(
              ApiFailure.class, e -> assertThat(e.problem().code()).isEqualTo("PGRST111"));
    }
    TxResult badStatus =
        new TxResult(
            OptionalLong.empty(),
            1,
            Optional.of("1"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("99x"),
            OptionalLong.empty(),
            true,
            OptionalLong.empty());
    assertThatThrownBy(
            () ->
                ResponseBuilder.build(shape(ResponseKind.RPC, 0, true, false), badStatus, "/rpc/f"))
        .isInstanceOfSatisfying(
            ApiFailure.class, e -> assertThat(e.problem().code()).isEqualTo("PGRST112"));
  }

  @Test
  void voidFunctionsAre204AndOthersAre200EvenWithoutABody() throws Exception {
    Response r =
        ResponseBuilder.build(
            shape(ResponseKind.RPC_VOID, 0, true, false), result(null, 0, null), "/rpc/f");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.headers().first("Content-Type")).isEmpty();
    // HEAD of a function with a result: no body, but the status and headers of its GET.
    Response head = ResponseBuilder.build(headShape(ResponseKind.RPC), result(null, 1, null), "/f");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.headers().first("Content-Type")).hasValue("application/json; charset=utf-8");
  }

  static ResponseShape headShape(ResponseKind kind) {
    return new ResponseShape(
        kind,
        new MediaType.Json(),
        false,
        0,
        true,
        false,
        false,
        OptionalLong.empty(),
        List.of(),
        true,
        "content",
        true);
  }

  static TxResult upserted(long rows, long inserted, String body) {
    return new TxResult(
        OptionalLong.empty(),
        rows,
        Optional.ofNullable(body),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        true,
        OptionalLong.of(inserted));
  }

  @Test
  void putIs201WhenItInsertedAnd200WhenItReplacedWithoutAContentRange() throws Exception {
    Response created =
        ResponseBuilder.build(
            shape(ResponseKind.UPSERT, 0, true, false), upserted(1, 1, "[{}]"), "/a");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().first("Content-Range")).isEmpty();
    Response replaced =
        ResponseBuilder.build(
            shape(ResponseKind.UPSERT, 0, true, false), upserted(1, 0, "[{}]"), "/a");
    assertThat(replaced.status()).isEqualTo(200);
    Response minimal =
        ResponseBuilder.build(
            shape(ResponseKind.UPSERT, 0, false, false), upserted(1, 1, null), "/a");
    assertThat(minimal.status()).isEqualTo(204);
  }

  @Test
  void aMergingPostThatInsertedNothingIs200() throws Exception {
    assertThat(
            ResponseBuilder.build(
                    shape(ResponseKind.CREATE, 0, true, false), upserted(2, 0, "[{},{}]"), "/a")
                .status())
        .isEqualTo(200);
    assertThat(
            ResponseBuilder.build(
                    shape(ResponseKind.CREATE, 0, true, false), upserted(2, 1, "[{},{}]"), "/a")
                .status())
        .isEqualTo(201);
    // Without a merge the statement reports no insert count: always 201.
    assertThat(
            ResponseBuilder.build(
                    shape(ResponseKind.CREATE, 0, true, false), result(null, 0, "[]"), "/a")
                .status())
        .isEqualTo(201);
  }

  @Test
  void deleteShowsNoRangeOnlyTheCount() throws Exception {
    Response plain =
        ResponseBuilder.build(
            shape(ResponseKind.DELETE, 0, false, false), result(null, 2, null), "/a");
    assertThat(plain.headers().first("Content-Range")).hasValue("*/*");
    ResponseShape counted =
        new ResponseShape(
            ResponseKind.DELETE,
            new MediaType.Json(),
            false,
            0,
            true,
            false,
            true,
            OptionalLong.empty(),
            List.of("count=exact"),
            false,
            "content",
            false);
    assertThat(
            ResponseBuilder.build(counted, result(null, 2, "[{},{}]"), "/a")
                .headers()
                .first("Content-Range"))
        .hasValue("*/2");
  }

  @Test
  void contentProfileComesWithABodyOnly() throws Exception {
    ResponseShape minimalWrite =
        new ResponseShape(
            ResponseKind.CREATE,
            new MediaType.Json(),
            false,
            0,
            false,
            false,
            false,
            OptionalLong.empty(),
            List.of(),
            false,
            "identity",
            true);
    Response created = ResponseBuilder.build(minimalWrite, result(null, 1, null), "/users");
    assertThat(created.headers().first("Content-Profile")).isEmpty();
    assertThat(created.headers().first("Content-Type")).isEmpty();
    Response read =
        ResponseBuilder.build(headShape(ResponseKind.READ), result(null, 3, null), "/a");
    assertThat(read.headers().first("Content-Profile")).hasValue("content");
  }
}
