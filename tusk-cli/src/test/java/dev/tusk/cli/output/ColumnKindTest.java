package dev.tusk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class ColumnKindTest {

  @ParameterizedTest
  @CsvSource({
    "int2, NUMBER",
    "int4, NUMBER",
    "int8, NUMBER",
    "serial, NUMBER",
    "bigserial, NUMBER",
    "float4, NUMBER",
    "float8, NUMBER",
    "numeric, NUMBER",
    "NUMERIC, NUMBER",
    "oid, NUMBER",
    "bool, BOOLEAN",
    "json, JSON",
    "jsonb, JSON",
    "text, TEXT",
    "varchar, TEXT",
    "money, TEXT", // pgjdbc reports money as a double, but its text is '$1.00'
    "_int4, TEXT", // arrays
    "bit, TEXT",
    "uuid, TEXT",
    "timestamptz, TEXT",
    "'\"MyType\"', TEXT",
    "'', TEXT",
  })
  void mapsPostgresTypeNames(String typeName, ColumnKind kind) {
    assertThat(ColumnKind.ofPostgresType(typeName)).isEqualTo(kind);
  }

  @ParameterizedTest
  @NullSource
  void unknownTypeIsText(String typeName) {
    assertThat(ColumnKind.ofPostgresType(typeName)).isEqualTo(ColumnKind.TEXT);
  }
}
