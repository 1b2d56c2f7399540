package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parses {@code pg_rewrite.ev_action} strings captured from PostgreSQL 18 (files under
 * schema/rewrite; in them {@code content.articles} is OID 16428, {@code content.categories} 16411,
 * the view {@code content.article_view} 16529 and the hostile table 16538).
 */
class ViewDefinitionParserTest {

  private static final long ARTICLES = 16428;
  private static final long CATEGORIES = 16411;

  private static String captured(String file) throws IOException {
    try (InputStream in =
        ViewDefinitionParserTest.class.getResourceAsStream("/schema/rewrite/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  private static ColumnOrigin at(long relid, int attnum) {
    return new ColumnOrigin(relid, attnum);
  }

  @Test
  void aJoinViewMapsEachColumnToItsTable() throws IOException {
    // SELECT a.id, a.owner_id AS author, c.name AS cat, a.category_id FROM articles a LEFT JOIN ...
    assertThat(ViewDefinitionParser.origins(captured("content.article_view.txt")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                1, at(ARTICLES, 1), 2, at(ARTICLES, 2), 3, at(CATEGORIES, 2), 4, at(ARTICLES, 3)));
  }

  @Test
  void aViewOverAViewPointsAtTheInnerView() throws IOException {
    // SELECT author, id AS aid FROM article_view
    assertThat(ViewDefinitionParser.origins(captured("content.v2.txt")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, at(16529, 2), 2, at(16529, 1)));
  }

  @Test
  void nestedQueriesTargetListsAreNotTheViews() throws IOException {
    // WITH x AS (SELECT id, title FROM articles) SELECT id AS article_id, title, 1 AS one FROM x
    assertThat(ViewDefinitionParser.origins(captured("content.cte_view.txt")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, at(ARTICLES, 1), 2, at(ARTICLES, 4)));
    // SELECT s.id, s.title FROM (SELECT id, title FROM articles WHERE ...) s
    assertThat(ViewDefinitionParser.origins(captured("content.sub_view.txt")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, at(ARTICLES, 1), 2, at(ARTICLES, 4)));
  }

  @Test
  void aUnionHasNoOrigins() throws IOException {
    assertThat(ViewDefinitionParser.origins(captured("content.union_view.txt"))).isEmpty();
  }

  @Test
  void aggregatesHaveNoOriginButGroupingColumnsDo() throws IOException {
    // materialized: SELECT category_id, count(*) AS n FROM articles GROUP BY category_id
    assertThat(ViewDefinitionParser.origins(captured("content.mat.txt")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, at(ARTICLES, 3)));
  }

  @Test
  void nodeSyntaxInsideStringLiteralsAndNamesIsData() throws IOException {
    // WHERE title LIKE '%{TARGETENTRY :resorigtbl 99 :resorigcol 9}%'
    assertThat(ViewDefinitionParser.origins(captured("content.where_view.txt")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, at(ARTICLES, 1), 2, at(ARTICLES, 4)));
    // columns named "I d", "x) {TARGETENTRY :resorigtbl 1", ":resorigtbl", a literal, an
    // expression and a scalar subquery, in schema "We""ird sch", table "Tä ble"
    assertThat(ViewDefinitionParser.origins(captured("hostile_names.txt")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(1, at(16538, 1), 2, at(16538, 2), 3, at(16538, 3)));
  }

  @Test
  void junkEntriesAndZeroOriginsAreLeftOut() {
    String tree =
        "({QUERY :commandType 1 :targetList ("
            + "{TARGETENTRY :expr <> :resno 1 :resname a :resorigtbl 5 :resorigcol 2 :resjunk false}"
            + " {TARGETENTRY :expr <> :resno 2 :resname b :resorigtbl 5 :resorigcol 3 :resjunk true}"
            + " {TARGETENTRY :expr <> :resno 3 :resname \\<> :resorigtbl 0 :resorigcol 0 :resjunk"
            + " false}) :stmt_len 0})";
    assertThat(ViewDefinitionParser.origins(tree)).containsExactly(Map.entry(1, at(5, 2)));
  }

  @Test
  void escapedBracketsAndBackslashesStayInsideTheirToken() {
    NodeTokens t = new NodeTokens("a\\ b\\(c\\) \\<> <> \\\\x {");
    assertThat(t.next()).isEqualTo(new NodeTokens.Token(NodeTokens.Kind.ATOM, "a b(c)"));
    assertThat(t.next()).isEqualTo(new NodeTokens.Token(NodeTokens.Kind.ATOM, "<>"));
    assertThat(t.next().kind()).isEqualTo(NodeTokens.Kind.NULL);
    assertThat(t.next()).isEqualTo(new NodeTokens.Token(NodeTokens.Kind.ATOM, "\\x"));
    assertThat(t.next().kind()).isEqualTo(NodeTokens.Kind.OPEN_BRACE);
    assertThat(t.next().kind()).isEqualTo(NodeTokens.Kind.END);
    assertThat(t.next().kind()).isEqualTo(NodeTokens.Kind.END);
  }

  @Test
  void deepNestingCostsNoStack() {
    String deep = "(".repeat(200_000) + ")".repeat(200_000);
    String tree =
        "({QUERY :rtable "
            + deep
            + " :targetList ({TARGETENTRY :resno 1 :resorigtbl 7 :resorigcol 1 :resjunk false})})";
    assertThat(ViewDefinitionParser.origins(tree)).containsExactly(Map.entry(1, at(7, 1)));
  }

  @Test
  void everyPrefixOfARealTreeIsRejectedNotMisread() throws IOException {
    String full = captured("content.article_view.txt");
    for (int cut = 0; cut < full.length() - 1; cut += 37) {
      String prefix = full.substring(0, cut);
      assertThatThrownBy(() -> ViewDefinitionParser.origins(prefix))
          .as("prefix of %d characters", cut)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<>",
        "()",
        "({QUERY})",
        "({QUERY :targetList})",
        "({SELECT :targetList <>})",
        "({QUERY :targetList (1 2)})",
        "({QUERY :targetList ({TARGETENTRY :resorigtbl 1})})",
        "({QUERY :targetList ({TARGETENTRY :resno x})})",
        "({QUERY :targetList ({TARGETENTRY :resno 1 :resorigtbl 99999999999999999999})})",
        "({QUERY :constvalue 4 [ 1 0 0 0",
        "({QUERY :rtable ({RTE :x (} :targetList <>})",
        "({QUERY resno 1})",
        "{QUERY :targetList <>}",
        "({QUERY :targetList <>}",
      })
  void malformedTreesAreRejected(String tree) {
    assertThatThrownBy(() -> ViewDefinitionParser.origins(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a view query tree");
  }

  @Test
  void anEmptyTargetListIsNoOrigins() {
    assertThat(ViewDefinitionParser.origins("({QUERY :targetList <>})")).isEmpty();
  }
}
