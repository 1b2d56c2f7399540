package dev.tusk.rest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small behaviours of the value types that the SQL stage will lean on. */
class TypesTest {

  @Test
  void operatorsKnowTheirSql() {
    assertThat(Operator.CS.sql()).isEqualTo("@>");
    assertThat(Operator.NXR.sql()).isEqualTo("&<");
    assertThat(Operator.NXL.sql()).isEqualTo("&>");
    assertThat(Operator.ADJ.sql()).isEqualTo("-|-");
    assertThat(Operator.IMATCH.sql()).isEqualTo("~*");
    assertThat(Operator.NEQ.quantifiable()).isFalse();
    assertThat(Operator.LIKE.isPattern()).isTrue();
    assertThat(Operator.EQ.isPattern()).isFalse();
    for (Operator op : Operator.values()) {
      assertThat(Operator.byUrlName(op.urlName())).isEqualTo(op);
    }
    assertThat(Operation.FtsOperator.WFTS.function()).isEqualTo("websearch_to_tsquery");
    assertThat(Operation.FtsOperator.PLFTS.urlName()).isEqualTo("plfts");
    assertThat(AggregateFunction.AVG.sqlName()).isEqualTo("avg");
    assertThat(JsonStep.Arrow.TEXT.symbol()).isEqualTo("->>");
    assertThat(JsonStep.Arrow.JSON.symbol()).isEqualTo("->");
  }

  @Test
  void embedPaths() {
    EmbedPath root = EmbedPath.root();
    assertThat(root.isRoot()).isTrue();
    assertThat(root.child("a").child("b")).isEqualTo(EmbedPath.of("a", "b"));
    assertThat(EmbedPath.of("a", "b")).hasToString("a.b");
    assertThat(root).hasToString("<root>");
  }

  @Test
  void fieldsAndEmbeds() {
    assertThat(Field.of("a").hasJsonPath()).isFalse();
    assertThat(Trees.field("a", Trees.arrow("k")).hasJsonPath()).isTrue();
    assertThat(Trees.embed("clients", "c", null, null).pathName()).isEqualTo("c");
    assertThat(Trees.embed("clients").pathName()).isEqualTo("clients");
  }

  @Test
  void payloadIsAValue() {
    Payload a = new Payload(new MediaType.Json(), new byte[] {1, 2});
    Payload b = new Payload(new MediaType.Json(), new byte[] {1, 2});
    assertThat(a)
        .isEqualTo(b)
        .hasSameHashCodeAs(b)
        .hasToString("Payload[application/json, 2 bytes]");
    assertThat(a).isNotEqualTo(new Payload(new MediaType.Csv(), new byte[] {1, 2}));
    assertThat(a).isNotEqualTo(new Payload(new MediaType.Json(), new byte[] {1}));
    assertThat(a).isNotEqualTo("Payload");
  }

  @Test
  void rowRangesRefuseNegatives() {
    assertThatThrownBy(() -> new RowRange(-1, OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RowRange(0, OptionalLong.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RowRange(0, OptionalLong.of(5)).isAll()).isFalse();
  }

  @Test
  void everyMediaTypeHasItsEssence() {
    List<MediaType> types =
        List.of(
            new MediaType.Json(),
            new MediaType.ArrayJson(true),
            new MediaType.SingleObject(false),
            new MediaType.Csv(),
            new MediaType.GeoJson(),
            new MediaType.OpenApi(),
            new MediaType.TextPlain(),
            new MediaType.TextXml(),
            new MediaType.OctetStream(),
            new MediaType.UrlEncoded(),
            new MediaType.Any());
    for (MediaType type : types) {
      assertThat(MediaTypeParser.parse(type.essence()).getClass()).isEqualTo(type.getClass());
    }
    assertThat(
            new MediaType.Plan(new MediaType.Json(), MediaType.PlanFormat.JSON, Set.of()).essence())
        .isEqualTo("application/vnd.pgrst.plan+json");
    assertThat(
            new MediaType.Plan(new MediaType.Csv(), MediaType.PlanFormat.TEXT, Set.of()).essence())
        .isEqualTo("application/vnd.pgrst.plan+text");
    assertThat(
            MediaTypeParser.parse("application/vnd.pgrst.plan; for=\"application/vnd.pgrst.plan\""))
        .isEqualTo(
            new MediaType.Plan(
                new MediaType.Other("application/vnd.pgrst.plan"),
                MediaType.PlanFormat.TEXT,
                Set.of()));
  }

  @Test
  void collectionsInsideValuesAreImmutableCopies() {
    List<SelectItem> children = new java.util.ArrayList<>(List.of(Trees.col("a")));
    SelectItem.Embed embed =
        new SelectItem.Embed("r", Optional.empty(), Optional.empty(), Optional.empty(), children);
    children.clear();
    assertThat(embed.children()).hasSize(1);
    assertThatThrownBy(() -> embed.children().add(Trees.col("b")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
