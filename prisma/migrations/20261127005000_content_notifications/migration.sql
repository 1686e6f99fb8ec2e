-- Public page cache (docs/decisions/0012-public-page-cache.md): tell every app instance when a
-- committed change can alter what a public page shows, so it drops its cached pages.
--
-- One statement-level trigger per table that public pages read: a statement that writes 5,000
-- rows notifies once, and PostgreSQL folds identical notifications of one transaction into one
-- and delivers them only after commit (a rolled-back edit notifies no one). The payload is the
-- table name only; no record data travels. Tables holding only private or internal data
-- (prisoner_private, source_private, app_user, audit_entry) do not notify: public pages never
-- read them. A new table that public pages read needs the same trigger.
-- Objects are named status_* so the drift check leaves them out.

CREATE FUNCTION status_notify_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('habeas_content', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  public_table text;
BEGIN
  FOREACH public_table IN ARRAY ARRAY[
    'prisoner', 'prisoner_name', 'category', 'prisoner_category', 'organization', 'affiliation',
    'recognition', 'portrait', 'criminal_case', 'criminal_code_article', 'charge', 'facility',
    'custody_period', 'placement', 'detention_extension', 'court', 'judge', 'lawyer',
    'case_lawyer', 'hearing', 'hearing_lawyer', 'motion', 'verdict', 'appeal', 'decree',
    'decree_beneficiary', 'source', 'citation', 'advocacy_update', 'update_prisoner'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER status_content_on_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION status_notify_content_changed()',
      public_table
    );
  END LOOP;
END
$$;
