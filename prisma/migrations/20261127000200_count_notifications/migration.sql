-- The live count (docs/decisions/0007-live-count.md): tell every app instance when something
-- that can change "imprisoned now" is committed, so it recomputes the count and pushes it to
-- open pages. The notification carries no record data, only the name of the table that changed;
-- listeners re-read the count through the public data layer.
--
-- PostgreSQL delivers a notification only after its transaction commits, and folds identical
-- notifications of one transaction into one, so a transaction that writes many custody periods
-- causes a single recount. Objects are named status_* so the drift check leaves them out.

CREATE FUNCTION status_notify_count_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('habeas_count', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- Any custody change can move the count or its "last changed" time: an arrest, a release, a
-- correction of dates, kind or publication state, an archived or deleted period.
CREATE TRIGGER status_count_on_custody_change
  AFTER INSERT OR UPDATE OR DELETE ON "custody_period"
  FOR EACH STATEMENT EXECUTE FUNCTION status_notify_count_changed();

CREATE TRIGGER status_count_on_custody_truncate
  AFTER TRUNCATE ON "custody_period"
  FOR EACH STATEMENT EXECUTE FUNCTION status_notify_count_changed();

-- Publishing or unpublishing a person changes whether their custody counts. Other edits to a
-- person (names, biography) do not, so only a real change of state notifies.
CREATE TRIGGER status_count_on_prisoner_state
  AFTER UPDATE OF state ON "prisoner"
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION status_notify_count_changed();
