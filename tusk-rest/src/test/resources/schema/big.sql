-- A big schema for the load-time measurement: 500 tables, 200 foreign keys (t1..t200 each point
-- at one of t301..t350), 50 views over t1..t50 that show the key column, 100 functions.
CREATE SCHEMA big;
DO $$
BEGIN
  FOR i IN 1..500 LOOP
    EXECUTE format(
      'CREATE TABLE big.t%s (id int PRIMARY KEY, parent_id int, name text NOT NULL DEFAULT %L,'
      ' note varchar(200), tags text[], created_at timestamptz NOT NULL DEFAULT now())', i, 'n' || i);
    EXECUTE format('COMMENT ON TABLE big.t%s IS %L', i, 'table number ' || i);
  END LOOP;
  FOR i IN 1..200 LOOP
    EXECUTE format(
      'ALTER TABLE big.t%s ADD CONSTRAINT fk_%s FOREIGN KEY (parent_id) REFERENCES big.t%s (id)',
      i, i, 300 + (i - 1) % 50 + 1);
  END LOOP;
  FOR i IN 1..50 LOOP
    EXECUTE format('CREATE VIEW big.v%s AS SELECT id, parent_id, name FROM big.t%s', i, i);
  END LOOP;
  FOR i IN 1..100 LOOP
    EXECUTE format(
      'CREATE FUNCTION big.f%s(a int, b text DEFAULT %L) RETURNS SETOF big.t%s'
      ' LANGUAGE sql STABLE AS %L', i, 'x', i, format('SELECT * FROM big.t%s WHERE id = a', i));
  END LOOP;
END $$;
