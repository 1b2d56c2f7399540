package dev.tusk.rest.request;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short constructors for expected trees, so test tables read like the URLs they check. */
final class Trees {

  private Trees() {}

  static Field field(String name, JsonStep... path) {
    return new Field(name, List.of(path));
  }

  static JsonStep arrow(String key) {
    return new JsonStep(JsonStep.Arrow.JSON, new JsonStep.Key(key));
  }

  static JsonStep arrow2(String key) {
    return new JsonStep(JsonStep.Arrow.TEXT, new JsonStep.Key(key));
  }

  static JsonStep arrow(int index) {
    return new JsonStep(JsonStep.Arrow.JSON, new JsonStep.Index(index));
  }

  static JsonStep arrow2(int index) {
    return new JsonStep(JsonStep.Arrow.TEXT, new JsonStep.Index(index));
  }

  static SelectItem.Column col(String name) {
    return SelectItem.Column.of(name);
  }

  static SelectItem.Column col(Field field, String alias, String cast) {
    return new SelectItem.Column(
        field,
        Optional.ofNullable(alias),
        Optional.ofNullable(cast),
        Optional.empty(),
        Optional.empty());
  }

  static SelectItem.Column agg(
      String name, String alias, String cast, AggregateFunction f, String aggCast) {
    return new SelectItem.Column(
        Field.of(name),
        Optional.ofNullable(alias),
        Optional.ofNullable(cast),
        Optional.of(f),
        Optional.ofNullable(aggCast));
  }

  static SelectItem.Star star() {
    return new SelectItem.Star();
  }

  static SelectItem.Embed embed(String relation, SelectItem... children) {
    return new SelectItem.Embed(
        relation, Optional.empty(), Optional.empty(), Optional.empty(), List.of(children));
  }

  static SelectItem.Embed embed(
      String relation, String alias, String hint, JoinType join, SelectItem... children) {
    return new SelectItem.Embed(
        relation,
        Optional.ofNullable(alias),
        Optional.ofNullable(hint),
        Optional.ofNullable(join),
        List.of(children));
  }

  static SelectItem.Spread spread(
      String relation, String hint, JoinType join, SelectItem... children) {
    return new SelectItem.Spread(
        relation, Optional.ofNullable(hint), Optional.ofNullable(join), List.of(children));
  }

  static Operation cmp(Operator op, String value) {
    return new Operation.Compare(op, Optional.empty(), value);
  }

  static Operation quant(Operator op, Operation.Quantifier q, String value) {
    return new Operation.Compare(op, Optional.of(q), value);
  }

  static Operation in(String... values) {
    return new Operation.In(Arrays.asList(values));
  }

  static Operation fts(Operation.FtsOperator op, String language, String query) {
    return new Operation.FullText(op, Optional.ofNullable(language), query);
  }

  static Filter filter(String column, Operation op) {
    return new Filter(Field.of(column), false, op);
  }

  static Filter notFilter(String column, Operation op) {
    return new Filter(Field.of(column), true, op);
  }

  static LogicTree leaf(String column, Operator op, String value) {
    return new LogicTree.Leaf(filter(column, cmp(op, value)));
  }

  static LogicTree or(LogicTree... children) {
    return new LogicTree.Node(false, LogicTree.Connective.OR, List.of(children));
  }

  static LogicTree and(LogicTree... children) {
    return new LogicTree.Node(false, LogicTree.Connective.AND, List.of(children));
  }

  static LogicTree notAnd(LogicTree... children) {
    return new LogicTree.Node(true, LogicTree.Connective.AND, List.of(children));
  }

  static ApiRequestError errorOf(ThrowingCallable call) {
    ApiRequestError[] caught = new ApiRequestError[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ApiRequestException.class, e -> caught[0] = e.error());
    return caught[0];
  }
}
