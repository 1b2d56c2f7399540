package dev.tusk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  @Test
  void writesHeaderAndRecordsWithCrlf() {
    ResultTable table =
        new ResultTable(List.of("id", "name"), List.of(row("1", "alice"), row("2", "bob")), "x");
    assertThat(new CsvRenderer().renderToString(table))
        .isEqualTo("id,name\r\n1,alice\r\n2,bob\r\n");
    assertThat(new CsvRenderer("\n").renderToString(table)).isEqualTo("id,name\n1,alice\n2,bob\n");
  }

  @Test
  void quotesOnlyWhatNeedsQuoting() {
    ResultTable table =
        new ResultTable(
            List.of("v"),
            List.of(
                row("plain text"),
                row("a,b"),
                row("say \"hi\""),
                row("line1\nline2"),
                row("cr\r"),
                row(" padded "),
                row("\\.")),
            "x");
    assertThat(new CsvRenderer("\n").renderToString(table))
        .isEqualTo(
            "v\nplain text\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"line1\nline2\"\n\"cr\r\"\n padded \n\"\\.\"\n");
  }

  @Test
  void nullIsAnEmptyFieldAndEmptyStringIsQuoted() {
    ResultTable table = new ResultTable(List.of("a", "b", "c"), List.of(row(null, "", null)), "x");
    assertThat(new CsvRenderer("\n").renderToString(table)).isEqualTo("a,b,c\n,\"\",\n");
  }

  @Test
  void headerNamesAreQuotedAndDuplicatesKept() {
    ResultTable table =
        new ResultTable(List.of("a", "a", "x,y", ""), List.of(row("1", "2", "3", "4")), "x");
    assertThat(new CsvRenderer("\n").renderToString(table))
        .isEqualTo("a,a,\"x,y\",\"\"\n1,2,3,4\n");
  }

  @Test
  void writesNothingForAStatementWithoutResultSet() {
    assertThat(new CsvRenderer().renderToString(ResultTable.command("CREATE TABLE"))).isEmpty();
  }

  @Test
  void rejectsOtherRecordEnds() {
    assertThatThrownBy(() -> new CsvRenderer("\r")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Random hostile values survive a round trip through an independent RFC 4180 reader. */
  @Test
  void roundTripsArbitraryValues() {
    Random random = new Random(4180);
    String alphabet = "ab ,\"\r\n\t\u001B日\\.";
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < 500; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        if (random.nextInt(6) == 0) {
          row.add(null);
          continue;
        }
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        row.add(value.toString());
      }
      rows.add(row);
    }
    ResultTable table = new ResultTable(List.of("a", "b", "c"), rows, "SELECT 500");

    List<List<String>> parsed = parse(new CsvRenderer().renderToString(table));

    assertThat(parsed.get(0)).containsExactly("a", "b", "c");
    assertThat(parsed.subList(1, parsed.size())).isEqualTo(rows);
  }

  /** RFC 4180 with CRLF records; an unquoted empty field is null. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    int i = 0;
    while (i < csv.length()) {
      String field;
      if (csv.charAt(i) == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          char ch = csv.charAt(i++);
          if (ch == '"') {
            if (i < csv.length() && csv.charAt(i) == '"') {
              value.append('"');
              i++;
            } else {
              break;
            }
          } else {
            value.append(ch);
          }
        }
        field = value.toString();
      } else {
        int end = i;
        while (csv.charAt(end) != ',' && !csv.startsWith("\r\n", end)) {
          end++;
        }
        field = end == i ? null : csv.substring(i, end);
        i = end;
      }
      record.add(field);
      if (csv.startsWith("\r\n", i)) {
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertThat(csv.charAt(i)).isEqualTo(',');
        i++;
      }
    }
    assertThat(record).isEmpty();
    return records;
  }
}
