package dev.tusk.rest.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlStateStatusTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "08006,503", "09000,500", "0L000,403", "0P000,403", "23503,409", "23505,409", "23502,400",
    "25006,405", "25001,500", "28P01,403", "2D000,500", "38000,500", "39000,500", "3B000,500",
    "40001,500", "53400,500", "53100,503", "54000,500", "55P03,500", "57014,500", "58030,500",
    "F0000,500", "HV000,500", "P0001,400", "P0002,500", "XX000,500", "42883,404", "42P01,404",
    "42P17,500", "42703,400", "22P02,400", "PT404,404", "PT201,201", "PTxyz,500", "PT999,500",
    "PT000,500"
  })
  void mapsLikePostgrest(String state, int status) {
    assertThat(SqlStateStatus.of(state, true)).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"42501,false,401", "42501,true,403"})
  void insufficientPrivilegeDependsOnAuthentication(String state, boolean auth, int status) {
    assertThat(SqlStateStatus.of(state, auth)).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL", "''", "123", "123456"},
      nullValues = "NULL")
  void malformedStatesAre500(String state) {
    assertThat(SqlStateStatus.of(state, true)).isEqualTo(500);
  }
}
