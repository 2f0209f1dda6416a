-- The dashboard's saga list, newest first, a page at a time: without a filter it was a sort of the whole table on
-- every refresh of every open list (each two seconds). With the primary key InnoDB adds, this index is
-- (started_at, saga_id), read backwards for ORDER BY started_at DESC, saga_id DESC.
CREATE INDEX saga_summary_started_idx ON saga_summary (started_at);
