package dev.tusk.rest.schema;

import static dev.tusk.rest.schema.TestCatalog.qn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.schema.Relationship.Computed;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Relationship.ManyToMany;
import dev.tusk.rest.schema.SchemaError.Details;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How relationships come out of keys, views and functions (no server: hand-built catalogs). */
class RelationshipDerivationTest {

  private static TestCatalog films() {
    return new TestCatalog()
        .table("api.actors", "id", "first_name")
        .table("api.directors", "id", "last_name")
        .table("api.films", "id", "director_id", "title")
        .table("api.technical_specs", "film_id", "camera")
        .table("api.roles", "film_id", "actor_id", "character")
        .table("api.categories", "id", "parent_id")
        .primaryKey("api.actors", "id")
        .primaryKey("api.directors", "id")
        .primaryKey("api.films", "id")
        .primaryKey("api.technical_specs", "film_id")
        .primaryKey("api.roles", "film_id", "actor_id")
        .primaryKey("api.categories", "id")
        .foreignKey("films_director_id_fkey", "api.films", "director_id", "api.directors", "id")
        .foreignKey(
            "technical_specs_film_id_fkey", "api.technical_specs", "film_id", "api.films", "id")
        .foreignKey("roles_film_id_fkey", "api.roles", "film_id", "api.films", "id")
        .foreignKey("roles_actor_id_fkey", "api.roles", "actor_id", "api.actors", "id")
        .foreignKey(
            "categories_parent_id_fkey", "api.categories", "parent_id", "api.categories", "id");
  }

  private static Relationship one(SchemaCache cache, String from, String target, String hint) {
    return cache.resolve(qn(from), target, Optional.ofNullable(hint)).orElseThrow();
  }

  @Test
  void manyToOneAndTheReverseOneToMany() {
    SchemaCache cache = films().build("api");
    ForeignKeyRel m2o = (ForeignKeyRel) one(cache, "api.films", "directors", null);
    assertThat(m2o.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(m2o.fromColumns()).containsExactly("director_id");
    ForeignKeyRel o2m = (ForeignKeyRel) one(cache, "api.directors", "films", null);
    assertThat(o2m).isEqualTo(m2o.reversed());
    assertThat(o2m.cardinality().toOne()).isFalse();
  }

  @Test
  void aKeyThatIsAlsoTheTablesKeyIsOneToOneBothWays() {
    SchemaCache cache = films().build("api");
    ForeignKeyRel forward = (ForeignKeyRel) one(cache, "api.technical_specs", "films", null);
    ForeignKeyRel backward = (ForeignKeyRel) one(cache, "api.films", "technical_specs", null);
    assertThat(forward.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(forward.fromHoldsKey()).isTrue();
    assertThat(backward.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(backward.fromHoldsKey()).isFalse();
    assertThat(backward.referencingColumns()).containsExactly("film_id");
  }

  @Test
  void aUniqueKeyMakesOneToOneButAMerePartOfOneDoesNot() {
    SchemaCache cache =
        new TestCatalog()
            .table("api.a", "id")
            .table("api.b", "id", "a_id", "other")
            .table("api.c", "id", "a_id", "other")
            .primaryKey("api.a", "id")
            .unique("api.b", "a_id")
            .unique("api.c", "a_id", "other")
            .foreignKey("b_a", "api.b", "a_id", "api.a", "id")
            .foreignKey("c_a", "api.c", "a_id", "api.a", "id")
            .build("api");
    assertThat(one(cache, "api.a", "b", null).cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(one(cache, "api.a", "c", null).cardinality()).isEqualTo(Cardinality.ONE_TO_MANY);
  }

  @Test
  void aJunctionWhoseKeyHoldsBothForeignKeysIsManyToManyBothWays() {
    SchemaCache cache = films().build("api");
    ManyToMany m2m = (ManyToMany) one(cache, "api.actors", "films", null);
    assertThat(m2m.junction()).isEqualTo(qn("api.roles"));
    assertThat(m2m.sourceKey().fromColumns()).containsExactly("actor_id");
    assertThat(m2m.targetKey().fromColumns()).containsExactly("film_id");
    assertThat(m2m.cardinality()).isEqualTo(Cardinality.MANY_TO_MANY);
    ManyToMany back = (ManyToMany) one(cache, "api.films", "actors", "roles");
    assertThat(back.source()).isEqualTo(qn("api.films"));
    assertThat(back.target()).isEqualTo(qn("api.actors"));
  }

  @Test
  void twoJunctionsBetweenTheSamePairAreAmbiguousAndTheJunctionNameDecides() {
    SchemaCache cache =
        films()
            .table("api.cameos", "film_id", "actor_id", "minutes")
            .primaryKey("api.cameos", "film_id", "actor_id", "minutes")
            .foreignKey("cameos_film", "api.cameos", "film_id", "api.films", "id")
            .foreignKey("cameos_actor", "api.cameos", "actor_id", "api.actors", "id")
            .build("api");
    SchemaError e =
        cache.resolve(qn("api.actors"), "films", Optional.empty())
                instanceof Lookup.Failed<Relationship> f
            ? f.error()
            : null;
    assertThat(e).isInstanceOf(AmbiguousRelationship.class);
    assertThat(((Details.Candidates) e.details().orElseThrow()).candidates())
        .containsExactly(
            new Details.Candidate(
                "many-to-many",
                "actors with films",
                "cameos using cameos_actor(actor_id) and cameos_film(film_id)"),
            new Details.Candidate(
                "many-to-many",
                "actors with films",
                "roles using roles_actor_id_fkey(actor_id) and roles_film_id_fkey(film_id)"));
    assertThat(e.hint().orElseThrow()).contains("'films!cameos', 'films!roles'");
    assertThat(((ManyToMany) one(cache, "api.actors", "films", "cameos")).junction())
        .isEqualTo(qn("api.cameos"));
  }

  @Test
  void aSelfReferenceIsAmbiguousButItsKeyColumnPicksTheParent() {
    SchemaCache cache = films().build("api");
    assertThat(cache.relationshipsFor(qn("api.categories"), "categories", Optional.empty()))
        .extracting(Relationship::cardinality)
        .containsExactly(Cardinality.MANY_TO_ONE, Cardinality.ONE_TO_MANY);
    ForeignKeyRel parent = (ForeignKeyRel) one(cache, "api.categories", "parent_id", null);
    assertThat(parent.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(parent.fromColumns()).containsExactly("parent_id");
  }

  @Test
  void viewsInheritTheKeysOfTheColumnsTheyShow() {
    Map<String, String> shows = new LinkedHashMap<>();
    shows.put("film_id", "api.films.id");
    shows.put("director", "api.films.director_id");
    shows.put("loud_title", null);
    SchemaCache cache = films().view("api.film_view", shows).build("api");

    Table view = cache.table("api", "film_view").orElseThrow();
    assertThat(view.primaryKey()).containsExactly("film_id");
    ForeignKeyRel toDirector = (ForeignKeyRel) one(cache, "api.film_view", "directors", null);
    assertThat(toDirector.fromColumns()).containsExactly("director");
    assertThat(toDirector.constraint()).isEqualTo("films_director_id_fkey");
    ForeignKeyRel fromDirector = (ForeignKeyRel) one(cache, "api.directors", "film_view", null);
    assertThat(fromDirector.toColumns()).containsExactly("director");
    // the view also stands for films as the referenced side, and as a many-to-many end
    assertThat(one(cache, "api.technical_specs", "film_view", null).cardinality())
        .isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(((ManyToMany) one(cache, "api.actors", "film_view", null)).targetKey().toColumns())
        .containsExactly("film_id");
  }

  @Test
  void viewsOverViewsAndViewsThatHideTheKeyColumn() {
    Map<String, String> inner = new LinkedHashMap<>();
    inner.put("id", "api.films.id");
    inner.put("director_id", "api.films.director_id");
    Map<String, String> outer = new LinkedHashMap<>();
    outer.put("who", "api.inner_view.director_id");
    outer.put("fid", "api.inner_view.id");
    Map<String, String> hiding = new LinkedHashMap<>();
    hiding.put("title", "api.films.title");
    SchemaCache cache =
        films()
            .view("api.inner_view", inner)
            .view("api.outer_view", outer)
            .view("api.titles", hiding)
            .build("api");

    ForeignKeyRel r = (ForeignKeyRel) one(cache, "api.outer_view", "directors", null);
    assertThat(r.fromColumns()).containsExactly("who");
    assertThat(cache.table("api", "outer_view").orElseThrow().primaryKey()).containsExactly("fid");
    assertThat(cache.relationships(qn("api.titles"))).isEmpty();
    assertThat(cache.table("api", "titles").orElseThrow().primaryKey()).isEmpty();
  }

  @Test
  void aJoinViewTakesTheKeyOfTheTableItShowsFirst() {
    Map<String, String> shows = new LinkedHashMap<>();
    shows.put("title", "api.films.title");
    shows.put("id", "api.films.id");
    shows.put("director_pk", "api.directors.id");
    shows.put("director_name", "api.directors.last_name");
    SchemaCache cache = films().view("api.film_cards", shows).build("api");
    assertThat(cache.table("api", "film_cards").orElseThrow().primaryKey()).containsExactly("id");
    // both base tables lend it relationships
    assertThat(one(cache, "api.film_cards", "roles", null).cardinality())
        .isEqualTo(Cardinality.ONE_TO_MANY);
    assertThat(one(cache, "api.films", "film_cards", "director_id").cardinality())
        .isEqualTo(Cardinality.MANY_TO_ONE);
  }

  @Test
  void aHiddenJunctionCountsUnlessAnExposedViewStandsForIt() {
    TestCatalog base =
        new TestCatalog()
            .table("api.users", "id")
            .table("api.groups", "id")
            .hidden("private.members", "user_id", "group_id")
            .primaryKey("api.users", "id")
            .primaryKey("api.groups", "id")
            .primaryKey("private.members", "user_id", "group_id")
            .foreignKey("m_user", "private.members", "user_id", "api.users", "id")
            .foreignKey("m_group", "private.members", "group_id", "api.groups", "id");
    ManyToMany hidden = (ManyToMany) one(base.build("api"), "api.users", "groups", null);
    assertThat(hidden.junction()).isEqualTo(qn("private.members"));
    assertThat(base.build("api").relationships(qn("api.users")))
        .noneMatch(r -> r.to().schema().equals("private"));

    Map<String, String> shows = new LinkedHashMap<>();
    shows.put("u", "private.members.user_id");
    shows.put("g", "private.members.group_id");
    SchemaCache withView = base.view("api.memberships", shows).build("api");
    ManyToMany viaView = (ManyToMany) one(withView, "api.users", "groups", null);
    assertThat(viaView.junction()).isEqualTo(qn("api.memberships"));
    assertThat(viaView.sourceKey().fromColumns()).containsExactly("u");
  }

  @Test
  void aFunctionTakingOneRowAndReturningRowsIsAComputedRelationshipThatWins() {
    Routine directors =
        new Routine(
            qn("api.directors"),
            List.of(RoutineParam.in("", "api.films")),
            new RoutineReturn.Composite(qn("api.directors"), true),
            Volatility.STABLE,
            false,
            Optional.empty());
    Routine many =
        new Routine(
            qn("api.all_roles"),
            List.of(RoutineParam.in("f", "api.films")),
            new RoutineReturn.Composite(qn("api.roles"), true),
            Volatility.STABLE,
            false,
            Optional.empty());
    SchemaCache cache =
        films()
            .routine(directors, List.of("api.films"), "api.directors", 1)
            .routine(many, List.of("api.films"), "api.roles", 1000)
            .build("api");
    Computed c = (Computed) one(cache, "api.films", "directors", null);
    assertThat(c.toOne()).isTrue();
    assertThat(c.function()).isEqualTo(qn("api.directors"));
    Computed m = (Computed) one(cache, "api.films", "all_roles", null);
    assertThat(m.toOne()).isFalse();
    assertThat(m.cardinality()).isEqualTo(Cardinality.ONE_TO_MANY);
    // with a hint the detected key is asked for instead
    assertThat(one(cache, "api.films", "directors", "films_director_id_fkey"))
        .isInstanceOf(ForeignKeyRel.class);
  }

  @Test
  void embedsStayInTheOriginsSchemaAsInPostgrest() {
    TestCatalog c =
        new TestCatalog()
            .table("api.items", "id", "owner", "editor")
            .table("api.users", "id")
            .table("auth.users", "id")
            .table("auth.sessions", "id", "user_id")
            .primaryKey("api.users", "id")
            .primaryKey("auth.users", "id")
            .foreignKey("items_owner", "api.items", "owner", "auth.users", "id")
            .foreignKey("items_editor", "api.items", "editor", "api.users", "id")
            .foreignKey("sessions_user", "auth.sessions", "user_id", "api.users", "id");
    SchemaCache both = c.build("api", "auth");
    // The relationships are known both ways, but an embed only reaches its own schema.
    assertThat(both.relationships(qn("api.items"))).hasSize(2);
    assertThat(((ForeignKeyRel) one(both, "api.items", "users", null)).constraint())
        .isEqualTo("items_editor");
    for (String[] across :
        new String[][] {
          {"api.items", "items_owner"}, {"auth.users", "items"}, {"api.users", "sessions"}
        }) {
      Lookup<Relationship> l = both.resolve(qn(across[0]), across[1], Optional.empty());
      assertThat(l instanceof Lookup.Failed<Relationship> f ? f.error().code() : "found " + l)
          .as(across[0] + " -> " + across[1])
          .isEqualTo("PGRST200");
    }
    SchemaCache apiOnly =
        new TestCatalog()
            .table("api.items", "id", "owner")
            .hidden("auth.users", "id")
            .foreignKey("items_owner", "api.items", "owner", "auth.users", "id")
            .build("api");
    assertThat(apiOnly.relationships(qn("api.items"))).isEmpty();
  }

  @Test
  void tablesWithoutRlsListsTablesOnly() {
    Map<String, String> shows = new LinkedHashMap<>();
    shows.put("id", "api.films.id");
    SchemaCache cache = films().rls("api.films").view("api.v", shows).build("api");
    assertThat(cache.tablesWithoutRls())
        .extracting(t -> t.name().name())
        .containsExactly("actors", "categories", "directors", "roles", "technical_specs");
  }

  @Test
  void viewsWhoseDefinitionCouldNotBeReadAreKeptWithAWarning() {
    SchemaCache cache = films().unreadableView("api.odd").unreadableHiddenView(77).build("api");
    assertThat(cache.table("api", "odd")).isPresent();
    assertThat(cache.relationships(qn("api.odd"))).isEmpty();
    assertThat(cache.warnings())
        .containsExactly(
            "could not read the definition of the view with OID 77, so no relationships go"
                + " through it",
            "could not read the definition of view api.odd, so no relationships go through it");
    assertThat(films().build("api").warnings()).isEmpty();
  }
}
