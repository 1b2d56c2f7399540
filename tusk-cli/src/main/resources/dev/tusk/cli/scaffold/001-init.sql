-- Runs once, at the first bootstrap of database "app" (init_sql in tusk.yaml), after its
-- schemas and extensions exist. Later changes belong in migrations/.
--
-- An example of row-level security: each note belongs to the user whose JWT `sub` claim
-- created it, and only that user sees or changes it. The API sets request.jwt.claim.sub for
-- each request; where it is unset, current_setting(..., true) is NULL and no row matches.

create table if not exists content.notes (
  id         bigint generated always as identity primary key,
  owner_sub  text not null default current_setting('request.jwt.claim.sub', true),
  body       text not null check (length(body) <= 10000),
  created_at timestamptz not null default now()
);

alter table content.notes enable row level security;

drop policy if exists notes_owner on content.notes;
create policy notes_owner on content.notes
  using (owner_sub = current_setting('request.jwt.claim.sub', true))
  with check (owner_sub = current_setting('request.jwt.claim.sub', true));
