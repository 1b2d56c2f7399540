package dev.tusk.rest.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.MediaType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CommitCheckTest {

  private static ResponseShape shape(ResponseKind kind, boolean singular, OptionalLong max) {
    return new ResponseShape(
        kind,
        new MediaType.Json(),
        singular,
        0,
        true,
        false,
        false,
        max,
        List.of(),
        false,
        "content",
        false);
  }

  @Test
  void maxAffectedCapsWritesAndCalls() {
    ResponseShape s = shape(ResponseKind.DELETE, false, OptionalLong.of(2));
    assertThat(CommitCheck.check(s, 2)).isEmpty();
    assertThat(CommitCheck.check(s, 3))
        .hasValue(
            new CommitCheck.Violation(
                "PGRST124",
                400,
                "Query result exceeds max-affected preference constraint",
                "The query affects 3 rows"));
    assertThat(CommitCheck.check(shape(ResponseKind.RPC, false, OptionalLong.of(0)), 1))
        .isPresent();
  }

  @Test
  void singularWritesAffectExactlyOneRow() {
    ResponseShape s = shape(ResponseKind.UPDATE, true, OptionalLong.empty());
    assertThat(CommitCheck.check(s, 1)).isEmpty();
    assertThat(CommitCheck.check(s, 0))
        .get()
        .extracting(CommitCheck.Violation::code)
        .isEqualTo("PGRST116");
    assertThat(CommitCheck.check(s, 2))
        .get()
        .extracting(CommitCheck.Violation::status)
        .isEqualTo(406);
  }

  @Test
  void readsAreNotChecked() {
    assertThat(CommitCheck.check(shape(ResponseKind.READ, true, OptionalLong.of(0)), 5)).isEmpty();
  }
}
