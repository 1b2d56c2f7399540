package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.arrow;
import static dev.tusk.rest.request.Trees.arrow2;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.OrderTerm.Direction;
import dev.tusk.rest.request.OrderTerm.NullsOrder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderParserTest {

  private static OrderTerm term(Field f, Direction d, NullsOrder n) {
    return new OrderTerm(new OrderTerm.Column(f), Optional.ofNullable(d), Optional.ofNullable(n));
  }

  private static OrderTerm related(String rel, Field f, Direction d, NullsOrder n) {
    return new OrderTerm(
        new OrderTerm.Related(rel, f), Optional.ofNullable(d), Optional.ofNullable(n));
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("id", List.of(term(field("id"), null, null))),
        Arguments.of("id.desc", List.of(term(field("id"), Direction.DESC, null))),
        Arguments.of(
            "id.asc.nullsfirst", List.of(term(field("id"), Direction.ASC, NullsOrder.FIRST))),
        Arguments.of("id.nullslast", List.of(term(field("id"), null, NullsOrder.LAST))),
        Arguments.of(
            "col.desc.nullslast,other.asc.nullsfirst",
            List.of(
                term(field("col"), Direction.DESC, NullsOrder.LAST),
                term(field("other"), Direction.ASC, NullsOrder.FIRST))),
        Arguments.of(
            "metadata->views.desc",
            List.of(term(field("metadata", arrow("views")), Direction.DESC, null))),
        Arguments.of(
            "data->>k.asc", List.of(term(field("data", arrow2("k")), Direction.ASC, null))),
        Arguments.of("data->0.desc", List.of(term(field("data", arrow(0)), Direction.DESC, null))),
        Arguments.of("\"a.b\".desc", List.of(term(field("a.b"), Direction.DESC, null))),
        Arguments.of(
            "clients(name).desc", List.of(related("clients", field("name"), Direction.DESC, null))),
        Arguments.of(
            "clients(data->k).desc.nullsfirst",
            List.of(
                related("clients", field("data", arrow("k")), Direction.DESC, NullsOrder.FIRST))),
        Arguments.of(
            "name,clients(name),id",
            List.of(
                term(field("name"), null, null),
                related("clients", field("name"), null, null),
                term(field("id"), null, null))),
        Arguments.of(
            " id , name", List.of(term(field("id"), null, null), term(field("name"), null, null))));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parses(String input, List<OrderTerm> expected) {
    assertThat(OrderParser.parse(input)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "id.ac",
            4,
            "unexpected \"a\" expecting \"asc\", \"desc\", \"nullsfirst\" or \"nullslast\""),
        Arguments.of(
            "id.descc",
            4,
            "unexpected \"d\" expecting \"asc\", \"desc\", \"nullsfirst\" or \"nullslast\""),
        Arguments.of(
            "id.asc.nlsfst", 8, "unexpected \"n\" expecting \"nullsfirst\" or \"nullslast\""),
        Arguments.of("id.nullslast.desc", 13, "unexpected \".\" expecting \",\" or end of input"),
        Arguments.of("clients(name,id)", 13, "unexpected \",\" expecting \")\""),
        Arguments.of("", 1, "unexpected end of input expecting field name (* or [a..z0..9_$])"),
        Arguments.of("id,", 4, "unexpected end of input expecting field name (* or [a..z0..9_$])"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejects(String input, int column, String details) {
    ApiRequestError error = errorOf(() -> OrderParser.parse(input));
    assertThat(error.message())
        .isEqualTo("\"failed to parse order (" + input + ")\" (line 1, column " + column + ")");
    assertThat(error.details()).contains(details);
  }
}
