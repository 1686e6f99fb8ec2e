-- Indexes found missing by EXPLAIN ANALYZE at 100,000 prisoners (docs/benchmarks.md).
-- Named search_* so that the drift check treats them as hand-written, like the other search
-- support objects.

-- The count ("imprisoned now") semi-joins open detention periods to published prisoners. With
-- only the primary key, PostgreSQL read the whole prisoner heap (wide rows: names, search text,
-- biography); this index lets it read published ids alone, as an index-only scan.
CREATE INDEX search_prisoner_published ON "prisoner" (id) WHERE state = 'PUBLISHED';

-- The count's "custody records last changed": newest published period first, stopping at the
-- first that belongs to a published person, instead of a max() over every period.
CREATE INDEX search_custody_published_updated ON "custody_period" (updated_at) WHERE state = 'PUBLISHED';

-- Name search filters with ILIKE on search_text. For a substring pattern PostgreSQL estimates
-- how many rows match from the column's histogram; with the default 100 entries a 4-letter
-- fragment matching 354 people was estimated at 959, and the planner walked all names in
-- alphabetical order (171 ms) instead of using the trigram index (3 ms). A finer histogram
-- gives estimates close enough to choose well.
ALTER TABLE "prisoner" ALTER COLUMN search_text SET STATISTICS 1000;
