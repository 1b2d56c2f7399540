package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.send;
import static dev.tusk.rest.request.Trees.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTest {

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("GET", "/articles", new Action.Read("articles", false)),
        Arguments.of("HEAD", "/articles", new Action.Read("articles", true)),
        Arguments.of("POST", "/articles", new Action.Insert("articles")),
        Arguments.of("PATCH", "/articles", new Action.Update("articles")),
        Arguments.of("PUT", "/articles", new Action.Upsert("articles")),
        Arguments.of("DELETE", "/articles", new Action.Delete("articles")),
        Arguments.of("OPTIONS", "/articles", new Action.Info(new Resource.Relation("articles"))),
        Arguments.of("GET", "/rpc/add", new Action.CallRpc("add", Action.RpcMethod.GET)),
        Arguments.of("HEAD", "/rpc/add", new Action.CallRpc("add", Action.RpcMethod.HEAD)),
        Arguments.of("POST", "/rpc/add", new Action.CallRpc("add", Action.RpcMethod.POST)),
        Arguments.of("OPTIONS", "/rpc/add", new Action.Info(new Resource.Routine("add"))),
        Arguments.of("GET", "/", new Action.OpenApi(false)),
        Arguments.of("HEAD", "/", new Action.OpenApi(true)),
        Arguments.of("OPTIONS", "/", new Action.Info(new Resource.Root())),
        Arguments.of("GET", "/rpc", new Action.Read("rpc", false)),
        Arguments.of("GET", "/%D9%85%D9%88%D8%A7%D8%B1%D8%AF", new Action.Read("موارد", false)),
        Arguments.of("GET", "/Order%20Items", new Action.Read("Order Items", false)),
        Arguments.of("GET", "/Escap3e;", new Action.Read("Escap3e;", false)),
        Arguments.of("GET", "/a%2Fb", new Action.Read("a/b", false)),
        Arguments.of("GET", "/a+b", new Action.Read("a+b", false)),
        Arguments.of("GET", "/%22q%22", new Action.Read("\"q\"", false)),
        Arguments.of("GET", "/rpc/%C3%A9t%C3%A9", new Action.CallRpc("été", Action.RpcMethod.GET)));
  }

  @ParameterizedTest
  @MethodSource("routes")
  void methodAndPathGiveTheAction(String method, String path, Action expected) {
    ApiRequest request = send(method, path);
    assertThat(request.action()).isEqualTo(expected);
    assertThat(request.resource()).isEqualTo(expected.resource());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PATCH|/rpc/f|PGRST101|405|Cannot use the PATCH method on RPC",
        "PUT|/rpc/f|PGRST101|405|Cannot use the PUT method on RPC",
        "DELETE|/rpc/f|PGRST101|405|Cannot use the DELETE method on RPC",
        "TRACE|/articles|PGRST117|405|Unsupported HTTP method: TRACE",
        "get|/articles|PGRST117|405|Unsupported HTTP method: get",
        "POST|/|PGRST117|405|Unsupported HTTP method: POST",
        "DELETE|/|PGRST117|405|Unsupported HTTP method: DELETE",
        "GET|/a/b|PGRST125|404|Invalid path specified in request URL",
        "GET|/rpc/|PGRST125|404|Invalid path specified in request URL",
        "GET|/rpc/a/b|PGRST125|404|Invalid path specified in request URL",
        "GET|/articles/|PGRST125|404|Invalid path specified in request URL",
        "GET|//|PGRST125|404|Invalid path specified in request URL",
        "GET|articles|PGRST125|404|Invalid path specified in request URL",
        "GET|/%ZZ|PGRST125|404|Invalid path specified in request URL",
        "GET|/a%00b|PGRST125|404|Invalid path specified in request URL",
        "GET|/%C3%28|PGRST125|404|Invalid path specified in request URL"
      })
  void badMethodsAndPaths(String method, String path, String code, int status, String message) {
    ApiRequestError error = errorOf(() -> send(method, path));
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.status()).isEqualTo(status);
    assertThat(error.message()).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {"NULL,/a", "GET,NULL", "'',/a", "GET,''"})
  void missingMethodOrPathIsAnErrorValue(String method, String path) {
    ApiRequestError error =
        errorOf(() -> ApiRequest.parse(method, path, null, null, null, Requests.LIMITS));
    assertThat(error.code()).isIn("PGRST117", "PGRST125");
  }
}
