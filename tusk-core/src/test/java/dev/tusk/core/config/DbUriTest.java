package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libpq connection strings: what is accepted, and the user and database read out of them. */
class DbUriTest {

  static Scalar scalar(String value) {
    return new Scalar(
        "api.db_uri",
        Optional.of(value),
        new Origin.FromEnv("TUSK_API_DB_URI"),
        "env:TUSK_API_DB_URI",
        Path.of("/"));
  }

  static DbUri.Parts parse(String value) {
    return DbUri.parse(scalar(value), value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      value = {
        "postgres://authenticator:pw@localhost:5433/app                 | authenticator | app",
        "postgresql://authenticator@db.example.com/app?sslmode=require   | authenticator | app",
        "postgres://u@/app                                               | u             | app",
        "postgresql://                                                   | -             | -",
        "postgres://h1:5432,h2:5433,[::1]:5434/app                       | -             | app",
        "postgres://[2001:db8::1]/app                                    | -             | app",
        "postgres://u:p%40ss@h/my%20db                                   | u             | my db",
        "postgres://admin2:?pass?special?@localhost:5432/postgres         | admin2        | postgres",
        "postgres://u@h/d?user=other&dbname=otherdb                      | other         | otherdb",
        "postgresql:///postgres?host=/run/pg&user=some_user&password=x   | some_user     | postgres",
        "postgres://u@h/d?                                               | u             | d",
        "postgres://%C3%BCser@h/d                                        | üser          | d",
        "host=localhost port=5433 user=authenticator dbname=app          | authenticator | app",
        "host = localhost   user =authenticator   dbname= 'my app'       | authenticator | my app",
        "user='o\\'brien' dbname=x\\ y                                    | o'brien       | x y",
        "user='' dbname=d                                                | -             | d",
        "sslmode=require                                                 | -             | -"
      })
  void readsTheUserAndTheDatabase(String uri, String user, String database) {
    DbUri.Parts parts = parse(uri);

    assertThat(parts.user()).isEqualTo(Optional.ofNullable(user));
    assertThat(parts.database()).isEqualTo(Optional.ofNullable(database));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "mysql://u@h/d                   | is neither a postgresql:// URI nor key=value pairs",
        "localhost                       | is neither a postgresql:// URI nor key=value pairs",
        "postgres://u@h:0/d              | has a port that is not a number from 1 to 65535",
        "postgres://u@h:65536/d          | has a port that is not a number from 1 to 65535",
        "postgres://u@h:54x/d            | has a port that is not a number from 1 to 65535",
        "postgres://u@h:99999999999999/d | has a port that is not a number from 1 to 65535",
        "postgres://u@[::1/d             | has an IPv6 host without its closing ']'",
        "postgres://u@[::1]x/d           | has text after an IPv6 host's ']'",
        "postgres://u@h/d?sslmode        | has a query parameter that is not key=value",
        "postgres://u@h/d?=x             | has a query parameter that is not key=value",
        "postgres://u%zz@h/d             | has a '%' that is not followed by two hex digits",
        "postgres://u%4@h/d              | has a '%' that is not followed by two hex digits",
        "postgres://u%00@h/d             | has a percent-encoded NUL",
        "postgres://u%ff@h/d             | has percent-encoded bytes that are not UTF-8",
        "postgres://u p@h/d              | contains a space or control character",
        "host=h user='x                  | has a quoted value without its closing quote",
        "host=h =x                       | is not a list of key=value pairs",
        "host=h user                     | is not a list of key=value pairs",
        "host=h user-name=x              | is not a list of key=value pairs"
      })
  void refusesMalformedStringsWithoutShowingThem(String uri, String problem) {
    assertThatThrownBy(() -> parse(uri))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("config.bad_value");
              assertThat(e.getMessage())
                  .startsWith("api.db_uri " + problem)
                  .endsWith(" from environment variable TUSK_API_DB_URI")
                  .doesNotContain(uri);
            });
  }
}
