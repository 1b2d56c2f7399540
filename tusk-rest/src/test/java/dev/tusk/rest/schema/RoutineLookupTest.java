package dev.tusk.rest.schema;

import static dev.tusk.rest.schema.TestCatalog.qn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.schema.SchemaError.Details;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Overload resolution by argument names, and PGRST202/PGRST203 as PostgREST words them. */
class RoutineLookupTest {

  private static Routine fn(String name, RoutineParam... params) {
    return new Routine(
        qn(name),
        List.of(params),
        new RoutineReturn.Scalar("integer", false),
        Volatility.STABLE,
        params.length > 0 && params[params.length - 1].mode() == ParamMode.VARIADIC,
        Optional.empty());
  }

  private static RoutineParam in(String name, String type) {
    return RoutineParam.in(name, type);
  }

  private static RoutineParam opt(String name, String type) {
    return new RoutineParam(name, type, ParamMode.IN, true);
  }

  private static final SchemaCache CACHE =
      new SchemaCache(
          List.of("api"),
          List.of(),
          List.of(
              fn("api.add", in("a", "integer"), in("b", "integer")),
              fn("api.add", in("x", "text"), in("y", "text")),
              fn("api.greet", in("name", "text"), opt("greeting", "text")),
              fn("api.greet", in("name", "text"), opt("loud", "boolean")),
              fn("api.sum_all", new RoutineParam("nums", "integer[]", ParamMode.VARIADIC, false)),
              fn("api.echo", in("", "json")),
              fn("api.upload", in("", "bytea")),
              fn("api.now"),
              fn(
                  "api.with_out",
                  in("a", "integer"),
                  new RoutineParam("b", "integer", ParamMode.OUT, false))),
          List.of(),
          Instant.EPOCH,
          Duration.ZERO);

  private static Lookup<Routine> find(String name, RpcPayload payload, String... keys) {
    return CACHE.findRoutine("api", name, List.of(keys), payload);
  }

  private static SchemaError error(Lookup<Routine> l) {
    return ((Lookup.Failed<Routine>) l).error();
  }

  @Test
  void overloadsAreChosenByArgumentNames() {
    assertThat(find("add", RpcPayload.QUERY, "a", "b").orElseThrow().inputs())
        .extracting(RoutineParam::type)
        .containsExactly("integer", "integer");
    assertThat(find("add", RpcPayload.JSON, "y", "x").orElseThrow().inputs())
        .extracting(RoutineParam::type)
        .containsExactly("text", "text");
  }

  @Test
  void defaultsMayBeLeftOutAndOutputParametersAreNotArguments() {
    assertThat(find("with_out", RpcPayload.QUERY, "a").orElseThrow().outputs())
        .extracting(RoutineParam::name)
        .containsExactly("b");
    assertThat(error(find("with_out", RpcPayload.QUERY, "a", "b")).code()).isEqualTo("PGRST202");
    assertThat(find("greet", RpcPayload.QUERY, "name", "loud").orElseThrow().inputs())
        .extracting(RoutineParam::name)
        .containsExactly("name", "loud");
  }

  @Test
  void overloadsThatFitEquallyAreAmbiguous() {
    SchemaError e = error(find("greet", RpcPayload.QUERY, "name"));
    assertThat(e.code()).isEqualTo("PGRST203");
    assertThat(e.status()).isEqualTo(300);
    assertThat(e.message())
        .isEqualTo(
            "Could not choose the best candidate function between: api.greet(name => text,"
                + " greeting => text), api.greet(name => text, loud => boolean)");
    assertThat(e.hint()).get().asString().startsWith("Try renaming the parameters");
  }

  @Test
  void variadicTakesRepeatedArgumentsUnderOneName() {
    assertThat(find("sum_all", RpcPayload.QUERY, "nums", "nums", "nums").orElseThrow().variadic())
        .isTrue();
    assertThat(error(find("sum_all", RpcPayload.QUERY)).code()).isEqualTo("PGRST202");
  }

  @Test
  void aSingleUnnamedParameterTakesTheWholeBodyOfItsType() {
    assertThat(find("echo", RpcPayload.JSON, "anything", "at_all").orElseThrow().name())
        .isEqualTo(qn("api.echo"));
    assertThat(find("upload", RpcPayload.BINARY).orElseThrow().name()).isEqualTo(qn("api.upload"));
    assertThat(error(find("echo", RpcPayload.QUERY, "x")).code()).isEqualTo("PGRST202");
    assertThat(error(find("upload", RpcPayload.TEXT)).code()).isEqualTo("PGRST202");
  }

  @Test
  void noArgumentsFitAFunctionWithoutParameters() {
    assertThat(find("now", RpcPayload.QUERY).orElseThrow().params()).isEmpty();
  }

  @Test
  void unknownArgumentsAreNotFoundWithTheNearestOverloadAsHint() {
    SchemaError e = error(find("add", RpcPayload.QUERY, "a", "c"));
    assertThat(e.code()).isEqualTo("PGRST202");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.message())
        .isEqualTo("Could not find the function api.add(a, c) in the schema cache");
    assertThat(e.details())
        .contains(
            new Details.Text(
                "Searched for the function api.add with parameters a, c, but no matches were found"
                    + " in the schema cache."));
    assertThat(e.hint()).contains("Perhaps you meant to call the function api.add(a, b)");
  }

  @Test
  void notFoundMessagesFollowThePayload() {
    SchemaError none = error(find("ad", RpcPayload.JSON));
    assertThat(none.message())
        .isEqualTo("Could not find the function api.ad without parameters in the schema cache");
    assertThat(none.details())
        .contains(
            new Details.Text(
                "Searched for the function api.ad without parameters or with a single unnamed"
                    + " json/jsonb parameter, but no matches were found in the schema cache."));
    assertThat(none.hint()).contains("Perhaps you meant to call the function api.add");

    SchemaError one = error(find("missing_entirely", RpcPayload.QUERY, "q"));
    assertThat(one.details().orElseThrow())
        .isEqualTo(
            new Details.Text(
                "Searched for the function api.missing_entirely with parameter q, but no matches"
                    + " were found in the schema cache."));
    assertThat(one.hint()).contains(RoutineNotFound.RELOAD_HINT);

    SchemaError text = error(find("missing_entirely", RpcPayload.TEXT));
    assertThat(text.message())
        .isEqualTo("Could not find the function api.missing_entirely in the schema cache");
    assertThat(text.details().orElseThrow().toString()).contains("single unnamed text parameter");
  }
}
