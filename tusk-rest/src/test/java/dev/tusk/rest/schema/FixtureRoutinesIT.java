package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture's functions as the catalogs describe them. */
@ExtendWith(TuskPostgres.class)
class FixtureRoutinesIT {

  private static SchemaCache cache;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    cache = FixtureSchemaIT.loadFixture(db);
  }

  private static Routine only(String name) {
    List<Routine> overloads = cache.routines("content", name);
    assertThat(overloads).as(name).hasSize(1);
    return overloads.get(0);
  }

  @Test
  void overloadsAreKeptAndPickedByArgumentNames() {
    List<Routine> add = cache.routines("content", "add");
    assertThat(add).hasSize(2);
    Routine ints =
        cache.findRoutine("content", "add", List.of("a", "b"), RpcPayload.QUERY).orElseThrow();
    assertThat(ints.returns()).isEqualTo(new RoutineReturn.Scalar("integer", false));
    assertThat(ints.volatility()).isEqualTo(Volatility.IMMUTABLE);
    assertThat(ints.description()).contains("Adds two numbers");
    Routine texts =
        cache.findRoutine("content", "add", List.of("x", "y"), RpcPayload.JSON).orElseThrow();
    assertThat(texts.returns()).isEqualTo(new RoutineReturn.Scalar("text", false));
    SchemaError missing =
        ((Lookup.Failed<Routine>) cache.findRoutine("content", "nope", List.of(), RpcPayload.QUERY))
            .error();
    assertThat(missing.code()).isEqualTo("PGRST202");
    assertThat(missing.message())
        .isEqualTo(
            "Could not find the function content.nope without parameters in the schema cache");
  }

  @Test
  void setReturningCompositeAndVoidFunctions() {
    assertThat(only("search_articles").returns())
        .isEqualTo(new RoutineReturn.Composite(new QualifiedName("content", "articles"), true));
    assertThat(only("publish_article").returns())
        .isEqualTo(new RoutineReturn.Composite(new QualifiedName("content", "articles"), false));
    assertThat(only("publish_article").volatility()).isEqualTo(Volatility.VOLATILE);
    assertThat(only("label_names").returns()).isEqualTo(new RoutineReturn.Scalar("text", true));
    assertThat(only("whoami").returns()).isEqualTo(new RoutineReturn.Scalar("json", false));
    assertThat(only("payment_required").returns()).isEqualTo(new RoutineReturn.Void());
    assertThat(only("noop").params()).isEmpty();
  }

  @Test
  void returnsTableAndOutParametersAreRecordsWithOutputColumns() {
    Routine titles = only("article_titles");
    assertThat(titles.returns()).isEqualTo(new RoutineReturn.Record(true));
    assertThat(titles.inputs())
        .containsExactly(new RoutineParam("min_words", "integer", ParamMode.IN, true));
    assertThat(titles.outputs())
        .containsExactly(
            new RoutineParam("id", "bigint", ParamMode.TABLE, false),
            new RoutineParam("title", "text", ParamMode.TABLE, false));
    Routine split = only("split");
    assertThat(split.returns()).isEqualTo(new RoutineReturn.Record(false));
    assertThat(split.outputs()).extracting(RoutineParam::mode).containsOnly(ParamMode.OUT);
  }

  @Test
  void variadicAndUnnamedParameters() {
    Routine sum = only("sum_all");
    assertThat(sum.variadic()).isTrue();
    assertThat(sum.params())
        .containsExactly(new RoutineParam("nums", "integer[]", ParamMode.VARIADIC, false));
    Routine echo = only("echo");
    assertThat(echo.params()).containsExactly(new RoutineParam("", "json", ParamMode.IN, false));
    assertThat(cache.findRoutine("content", "echo", List.of("k"), RpcPayload.JSON).orElseThrow())
        .isEqualTo(echo);
    assertThat(only("first_comment").params().get(0).type()).isEqualTo("content.articles");
  }

  @Test
  void onlyExposedSchemasFunctionsAreLoaded() {
    assertThat(cache.routines().keySet())
        .allMatch(q -> q.schema().equals("content") || q.schema().equals("identity"));
    assertThat(cache.routines().keySet()).extracting(QualifiedName::name).contains("whoami", "add");
  }
}
