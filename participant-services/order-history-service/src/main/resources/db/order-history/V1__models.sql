-- The read models live in schemas of their own, one per model version (model_1, model_2, ...): a rebuild fills a new
-- one beside the live one, and switching is one update of this table. Each schema's tables are made from
-- classpath:model/model.sql when its version is created.
CREATE TABLE models (
  version     INT         PRIMARY KEY,
  schema_name TEXT        NOT NULL UNIQUE,
  -- BUILDING while a rebuild fills it, LIVE for the one queries read (at most one), RETIRED after a switch
  state       TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  switched_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX models_one_live ON models (state) WHERE state = 'LIVE';
