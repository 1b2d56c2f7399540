package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.Preferences.Count;
import dev.tusk.rest.request.Preferences.Handling;
import dev.tusk.rest.request.Preferences.Missing;
import dev.tusk.rest.request.Preferences.Resolution;
import dev.tusk.rest.request.Preferences.Return;
import dev.tusk.rest.request.Preferences.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PreferencesTest {

  private static Preferences parse(String... headers) {
    return PreferParser.parse(List.of(headers), true);
  }

  @Test
  void noHeaderMeansNoPreference() {
    assertThat(PreferParser.parse(List.of(), true)).isEqualTo(Preferences.none());
    assertThat(Requests.get("/a").preferences()).isEqualTo(Preferences.none());
  }

  @Test
  void everyPreferenceInOneCommaList() {
    Preferences p =
        parse(
            "return=representation, count=exact,resolution=merge-duplicates ,missing=default,"
                + "handling=lenient,tx=rollback,max-affected=5,timezone=America/Los_Angeles,"
                + "params=single-object");
    assertThat(p.returning()).contains(Return.REPRESENTATION);
    assertThat(p.count()).contains(Count.EXACT);
    assertThat(p.resolution()).contains(Resolution.MERGE_DUPLICATES);
    assertThat(p.missing()).contains(Missing.DEFAULT);
    assertThat(p.handling()).contains(Handling.LENIENT);
    assertThat(p.transaction()).contains(Transaction.ROLLBACK);
    assertThat(p.maxAffected()).isEqualTo(OptionalLong.of(5));
    assertThat(p.timezone()).contains("America/Los_Angeles");
    assertThat(p.paramsSingleObject()).isTrue();
    assertThat(p.invalid()).isEmpty();
  }

  @Test
  void everyValueOfEveryClosedPreference() {
    for (Return r : Return.values()) {
      assertThat(parse(r.header()).returning()).contains(r);
    }
    for (Count c : Count.values()) {
      assertThat(parse(c.header()).count()).contains(c);
    }
    for (Resolution r : Resolution.values()) {
      assertThat(parse(r.header()).resolution()).contains(r);
    }
    for (Missing m : Missing.values()) {
      assertThat(parse(m.header()).missing()).contains(m);
    }
    for (Transaction t : Transaction.values()) {
      assertThat(parse(t.header()).transaction()).contains(t);
    }
  }

  @Test
  void severalHeadersAndFirstOccurrenceWins() {
    Preferences p =
        parse(
            "tx=commit, tx=rollback",
            "resolution=ignore-duplicates",
            "resolution=merge-duplicates");
    assertThat(p.transaction()).contains(Transaction.COMMIT);
    assertThat(p.resolution()).contains(Resolution.IGNORE_DUPLICATES);
    assertThat(p.invalid()).isEmpty();
  }

  @Test
  void unknownPreferencesAreCollectedAndIgnoredWhenLenient() {
    Preferences p =
        parse(
            "handling=lenient, foo, bar",
            "return=minimal; x",
            "max-affected=abc",
            "max-affected=-1",
            "timezone=",
            "Return=minimal",
            "count = exact");
    assertThat(p.invalid())
        .containsExactly(
            "foo",
            "bar",
            "return=minimal; x",
            "max-affected=abc",
            "max-affected=-1",
            "timezone=",
            "Return=minimal",
            "count = exact");
    assertThat(p.returning()).isEmpty();
    assertThat(p.count()).isEmpty();
  }

  @Test
  void strictHandlingRejectsInvalidPreferencesLikePostgrest() {
    ApiRequestError error = errorOf(() -> parse("handling=strict, foo, bar"));
    assertThat(error.code()).isEqualTo("PGRST122");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).isEqualTo("Invalid preferences given with handling=strict");
    assertThat(error.details()).contains("Invalid preferences: foo, bar");
    assertThat(error.hint()).isEmpty();

    ApiRequestError viaRequest =
        errorOf(() -> Requests.get("/a", "Prefer", "foo", "prefer", "handling=strict"));
    assertThat(viaRequest.details()).contains("Invalid preferences: foo");

    assertThat(parse("handling=strict, count=exact").strict()).isTrue();
  }

  @Test
  void txIsIgnoredButNotInvalidWithoutOverride() {
    Preferences p = PreferParser.parse(List.of("handling=strict, tx=rollback"), false);
    assertThat(p.transaction()).isEmpty();
    assertThat(p.invalid()).isEmpty();
  }

  @Test
  void emptyTokensAreNotPreferences() {
    assertThat(parse(",, ,", "").invalid()).isEmpty();
  }

  @Test
  void appliedListsWhatWasHonouredInPostgrestOrder() {
    assertThat(parse("count=exact, return=representation, resolution=merge-duplicates").applied())
        .containsExactly("resolution=merge-duplicates", "return=representation", "count=exact");
    assertThat(parse("max-affected=3").applied()).isEmpty();
    assertThat(parse("max-affected=3, handling=strict, timezone=UTC").applied())
        .containsExactly("handling=strict", "timezone=UTC", "max-affected=3");
    assertThat(parse("params=single-object").applied()).containsExactly("params=single-object");
    assertThat(Preferences.none().handling()).isEqualTo(Optional.empty());
  }
}
