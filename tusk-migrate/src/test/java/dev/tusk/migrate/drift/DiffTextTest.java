package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How long and multi-line values read: the first differing line, with the JSON complete. */
class DiffTextTest {

  @Test
  void shortValuesAreShownWhole() {
    assertThat(DiffText.change("type", Optional.of("integer"), Optional.of("bigint")))
        .isEqualTo("type integer -> bigint");
    assertThat(DiffText.change("comment", Optional.of(""), Optional.of("x")))
        .isEqualTo("comment \"\" -> x");
  }

  @Test
  void aMultiLineValueShowsItsFirstDifferingLine() {
    String before = "BEGIN\n  RETURN p * 1.2;\nEND\n";
    String after = "BEGIN\n  RETURN p * 1.25;\nEND\n";

    assertThat(DiffText.change("body", Optional.of(before), Optional.of(after)))
        .isEqualTo("body differs at line 2: \"  RETURN p * 1.2;\" -> \"  RETURN p * 1.25;\"");
  }

  @Test
  void aLineAddedAtTheEndIsNoSuchLineOnTheOtherSide() {
    assertThat(DiffText.change("body", Optional.of("a\nb"), Optional.of("a\nb\nc")))
        .isEqualTo("body differs at line 3: (no such line) -> \"c\"");
  }

  @Test
  void aLongLineIsCutAroundWhereItDiffers() {
    String start = "x".repeat(100);
    String line =
        DiffText.change(
            "definition",
            Optional.of(start + " = 1" + "y".repeat(100)),
            Optional.of(start + " = 2"));

    assertThat(line)
        .startsWith("definition differs at line 1: \"...xxxxxxxxxxxxxxxxx = 1yyy")
        .endsWith("...\" -> \"...xxxxxxxxxxxxxxxxx = 2\"");
    assertThat(line.length()).isLessThan(200);
  }

  @Test
  void aLongValueOnOneSideOnlyShowsItsStart() {
    assertThat(DiffText.change("definition", Optional.empty(), Optional.of("z".repeat(80))))
        .isEqualTo("definition (none) -> \"" + "z".repeat(60) + "...\"");
  }

  @Test
  void theJsonOfAChangeHasBothValuesWhole() {
    CatalogObject o = SnapshotDiffTest.object("function f()", "function", "body", "a\nb");
    ArrayNode into = JsonNodeFactory.instance.arrayNode();

    DiffText.json(Difference.changed(o, "body", Optional.of("a\nb"), Optional.empty()), into);

    JsonNode d = into.get(0);
    assertThat(d.path("object").asText()).isEqualTo("function f()");
    assertThat(d.path("kind").asText()).isEqualTo("function");
    assertThat(d.path("change").asText()).isEqualTo("changed");
    assertThat(d.path("attribute").asText()).isEqualTo("body");
    assertThat(d.path("expected").asText()).isEqualTo("a\nb");
    assertThat(d.path("actual").isNull()).isTrue();
  }
}
