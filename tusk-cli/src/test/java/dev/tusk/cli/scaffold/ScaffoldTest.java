package dev.tusk.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldTest {

  @TempDir Path tmp;

  private final Scaffold scaffold = new Scaffold();

  private static List<Path> tree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void writesTheProjectIntoANewDirectory() throws IOException {
    Path dir = tmp.resolve("a/b/project");

    Scaffold.Result result = scaffold.create(dir);

    assertThat(result.dir()).isEqualTo(dir.toAbsolutePath());
    assertThat(result.files())
        .containsExactly(
            dir.resolve("tusk.yaml"),
            dir.resolve(".gitignore"),
            dir.resolve("migrations/.gitkeep"),
            dir.resolve("sql/001-init.sql"));
    assertThat(tree(dir))
        .containsExactlyInAnyOrder(
            Path.of(""),
            Path.of("tusk.yaml"),
            Path.of(".gitignore"),
            Path.of("migrations"),
            Path.of("migrations/.gitkeep"),
            Path.of("sql"),
            Path.of("sql/001-init.sql"));
    assertThat(Files.readString(dir.resolve(".gitignore"))).contains("\ntusk-data/\n");
    assertThat(Files.readString(dir.resolve("sql/001-init.sql")))
        .contains("create table if not exists content.notes")
        .contains("enable row level security")
        .contains("create policy")
        .contains("current_setting('request.jwt.claim.sub', true)");
    assertThat(Files.readString(dir.resolve("tusk.yaml")))
        .startsWith("# tusk.yaml")
        .contains("name: authenticator")
        .contains("init_sql: [sql/001-init.sql]");
    assertThat(Files.size(dir.resolve("migrations/.gitkeep"))).isPositive();
  }

  @Test
  void writesIntoAnExistingDirectoryAndLeavesOtherFilesAlone() throws IOException {
    Files.writeString(tmp.resolve("README.md"), "mine");
    Files.createDirectories(tmp.resolve("migrations"));
    Files.writeString(tmp.resolve("migrations/V1__x.sql"), "select 1;");

    scaffold.create(tmp);

    assertThat(Files.readString(tmp.resolve("README.md"))).isEqualTo("mine");
    assertThat(Files.readString(tmp.resolve("migrations/V1__x.sql"))).isEqualTo("select 1;");
    assertThat(tmp.resolve("migrations/.gitkeep")).exists();
    assertThat(tmp.resolve("tusk.yaml")).exists();
  }

  @Test
  void refusesToOverwriteAndWritesNothing() throws IOException {
    Files.createDirectories(tmp.resolve("sql"));
    Files.writeString(tmp.resolve("sql/001-init.sql"), "-- my own");
    List<Path> before = tree(tmp);

    assertThatThrownBy(() -> scaffold.create(tmp))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("init.exists");
              assertThat(e.exitCode()).isEqualTo(2);
              assertThat(e.getMessage()).contains(tmp.resolve("sql/001-init.sql").toString());
              assertThat(e.hint()).isPresent();
            });

    assertThat(tree(tmp)).isEqualTo(before);
    assertThat(Files.readString(tmp.resolve("sql/001-init.sql"))).isEqualTo("-- my own");
  }

  @Test
  void namesEveryFileInTheWay() throws IOException {
    Files.writeString(tmp.resolve("tusk.yaml"), "cluster: {}");
    Files.writeString(tmp.resolve(".gitignore"), "*.class");

    assertThatThrownBy(() -> scaffold.create(tmp))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(tmp.resolve("tusk.yaml").toString())
        .hasMessageContaining(tmp.resolve(".gitignore").toString());
    assertThat(Files.readString(tmp.resolve("tusk.yaml"))).isEqualTo("cluster: {}");
    assertThat(tmp.resolve("sql")).doesNotExist();
    assertThat(tmp.resolve("migrations")).doesNotExist();
  }

  @Test
  void aSecondRunRefuses() throws IOException {
    scaffold.create(tmp);
    Files.writeString(tmp.resolve("tusk.yaml"), "edited");

    assertThatThrownBy(() -> scaffold.create(tmp))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("init.exists"));
    assertThat(Files.readString(tmp.resolve("tusk.yaml"))).isEqualTo("edited");
  }

  @Test
  void aDanglingSymlinkCountsAsExisting() throws IOException {
    Path outside = tmp.resolve("outside.txt");
    Path dir = Files.createDirectories(tmp.resolve("project"));
    Files.createSymbolicLink(dir.resolve("tusk.yaml"), outside);

    assertThatThrownBy(() -> scaffold.create(dir))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("init.exists"));
    assertThat(outside).doesNotExist();
  }

  @Test
  void aFileWhereASubdirectoryGoesIsInTheWay() throws IOException {
    Files.writeString(tmp.resolve("sql"), "not a directory");

    assertThatThrownBy(() -> scaffold.create(tmp))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("init.exists");
              assertThat(e.getMessage()).contains(tmp.resolve("sql").toString());
            });
    assertThat(tmp.resolve("tusk.yaml")).doesNotExist();
  }

  @Test
  void refusesARegularFileAsTheDirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("tusk.yaml"), "precious");

    assertThatThrownBy(() -> scaffold.create(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("init.not_a_directory");
              assertThat(e.getMessage()).contains(file.toString()).contains("not a directory");
            });
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void refusesADirectoryUnderARegularFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    assertThatThrownBy(() -> scaffold.create(file.resolve("sub/project")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("init.not_a_directory");
              assertThat(e.getMessage()).contains(file + " exists and is not a directory");
            });
    assertThat(tree(tmp)).containsExactlyInAnyOrder(Path.of(""), Path.of("file"));
  }

  @Test
  void refusesADanglingSymlinkAsTheDirectory() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("nowhere"));

    assertThatThrownBy(() -> scaffold.create(link))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("init.not_a_directory"));
    assertThat(tmp.resolve("nowhere")).doesNotExist();
  }

  @Test
  void aFailedWriteIsAnOperationErrorAndLeavesNothingBehind() throws IOException {
    // A 300-byte name fails to be created on every common file system, even for root.
    Path dir = tmp.resolve("x".repeat(300));

    assertThatThrownBy(() -> scaffold.create(dir))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("init.write_failed");
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.getMessage()).contains(dir.toString());
            });
    assertThat(tree(tmp)).containsExactly(Path.of(""));
  }

  @Test
  void resolvesARelativeDirectory() throws IOException {
    Path relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("rel"));

    Scaffold.Result result = scaffold.create(relative);

    assertThat(result.dir()).isAbsolute().isEqualTo(tmp.resolve("rel"));
    assertThat(tmp.resolve("rel/tusk.yaml")).isRegularFile();
  }
}
