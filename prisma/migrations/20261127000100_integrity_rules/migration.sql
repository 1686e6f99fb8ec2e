-- Integrity rules that PostgreSQL enforces and Prisma's schema language cannot express.
-- Every object here is named rule_* (or search_* for search support) so that the drift check
-- (scripts/check-migration-drift.ts) can tell hand-written objects from Prisma's own.
--
-- "Not in the future" allows today + 1 day: an advocate in Baku (UTC+4) logging an arrest
-- shortly after midnight is a day ahead of a server on UTC. The forms apply the strict rule in
-- the user's own time zone; the database only refuses what is impossible anywhere.

-- A date stored with MONTH precision is the 1st of that month; with YEAR precision, 1 January.
CREATE FUNCTION rule_date_matches_precision(d date, p "DatePrecision") RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT d IS NULL OR p IS NULL OR p = 'DAY'
      OR (p = 'MONTH' AND extract(day FROM d) = 1)
      OR (p = 'YEAR' AND extract(day FROM d) = 1 AND extract(month FROM d) = 1)
$$;

CREATE FUNCTION rule_not_future(d date) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT d IS NULL OR d <= current_date + 1
$$;

-- People ----------------------------------------------------------------------------------------
ALTER TABLE "prisoner"
  ADD CONSTRAINT rule_prisoner_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT rule_prisoner_name_present CHECK (length(btrim(full_name)) > 0),
  ADD CONSTRAINT rule_prisoner_birth_precision CHECK (
    (birth_date IS NULL) = (birth_precision IS NULL)
    AND rule_date_matches_precision(birth_date, birth_precision)
    AND rule_not_future(birth_date));

ALTER TABLE "affiliation"
  ADD CONSTRAINT rule_affiliation_since_precision CHECK (
    (since_date IS NULL) = (since_precision IS NULL)
    AND rule_date_matches_precision(since_date, since_precision)
    AND rule_not_future(since_date));

ALTER TABLE "recognition"
  ADD CONSTRAINT rule_recognition_since_precision CHECK (
    (since_date IS NULL) = (since_precision IS NULL)
    AND rule_date_matches_precision(since_date, since_precision)
    AND rule_not_future(since_date));

ALTER TABLE "portrait"
  ADD CONSTRAINT rule_portrait_dimensions CHECK (width > 0 AND height > 0),
  ADD CONSTRAINT rule_portrait_credit_present CHECK (
    length(btrim(credit)) > 0 AND length(btrim(licence)) > 0);

-- Cases and charges -----------------------------------------------------------------------------
ALTER TABLE "criminal_case"
  ADD CONSTRAINT rule_case_opened_precision CHECK (
    (opened_date IS NULL) = (opened_precision IS NULL)
    AND rule_date_matches_precision(opened_date, opened_precision)
    AND rule_not_future(opened_date));

ALTER TABLE "charge"
  ADD CONSTRAINT rule_charge_article_or_description CHECK (
    article_id IS NOT NULL OR length(btrim(coalesce(description, ''))) > 0);

-- Custody ---------------------------------------------------------------------------------------
ALTER TABLE "facility"
  ADD CONSTRAINT rule_facility_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "custody_period"
  ADD CONSTRAINT rule_custody_release_after_arrest CHECK (end_date IS NULL OR end_date >= start_date),
  ADD CONSTRAINT rule_custody_release_complete CHECK (
    (end_date IS NULL) = (release_reason IS NULL) AND (end_date IS NULL) = (end_precision IS NULL)),
  ADD CONSTRAINT rule_custody_decree_for_pardon_or_amnesty CHECK (
    release_decree_id IS NULL OR release_reason IN ('PARDON', 'AMNESTY')),
  ADD CONSTRAINT rule_custody_date_precision CHECK (
    rule_date_matches_precision(start_date, start_precision)
    AND rule_date_matches_precision(end_date, end_precision)),
  ADD CONSTRAINT rule_custody_not_future CHECK (rule_not_future(start_date) AND rule_not_future(end_date)),
  -- One person is in at most one custody period on any day; archived periods do not count.
  ADD CONSTRAINT rule_custody_no_overlap EXCLUDE USING gist (
    prisoner_id WITH =,
    daterange(start_date, end_date, '[)') WITH &&
  ) WHERE (state <> 'ARCHIVED');

-- Two open periods are also an overlap; this index states the rule on its own, and the data
-- layer checks it first to give the clearer message.
CREATE UNIQUE INDEX rule_custody_one_open_period ON "custody_period" (prisoner_id)
  WHERE end_date IS NULL AND state <> 'ARCHIVED';

-- Counting "imprisoned now" reads only open detention periods.
CREATE INDEX search_custody_open_detention ON "custody_period" (prisoner_id)
  WHERE end_date IS NULL AND kind = 'DETENTION' AND state = 'PUBLISHED';

ALTER TABLE "placement"
  ADD CONSTRAINT rule_placement_date_precision CHECK (
    rule_date_matches_precision(from_date, from_precision) AND rule_not_future(from_date));

CREATE FUNCTION rule_placement_within_custody() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  period record;
BEGIN
  SELECT start_date, end_date INTO period FROM "custody_period" WHERE id = NEW.custody_period_id;
  IF NEW.from_date < period.start_date
     OR (period.end_date IS NOT NULL AND NEW.from_date > period.end_date) THEN
    RAISE EXCEPTION 'rule_placement_within_custody: a placement must fall within its custody period (% to %)',
      period.start_date, coalesce(period.end_date::text, 'open')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'rule_placement_within_custody';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER rule_placement_within_custody
  BEFORE INSERT OR UPDATE OF from_date, custody_period_id ON "placement"
  FOR EACH ROW EXECUTE FUNCTION rule_placement_within_custody();

ALTER TABLE "detention_extension"
  ADD CONSTRAINT rule_extension_ends_after_start CHECK ("until" > ordered_on),
  ADD CONSTRAINT rule_extension_ordered_not_future CHECK (rule_not_future(ordered_on));

-- Courts and hearings ---------------------------------------------------------------------------
ALTER TABLE "court"
  ADD CONSTRAINT rule_court_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "lawyer"
  ADD CONSTRAINT rule_lawyer_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "hearing"
  ADD CONSTRAINT rule_hearing_future_only_if_scheduled CHECK (
    status IN ('SCHEDULED', 'POSTPONED', 'CANCELLED') OR rule_not_future(date)),
  ADD CONSTRAINT rule_hearing_date_precision CHECK (rule_date_matches_precision(date, date_precision)),
  ADD CONSTRAINT rule_hearing_time_format CHECK (
    time_of_day IS NULL OR time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

ALTER TABLE "verdict"
  ADD CONSTRAINT rule_verdict_not_future CHECK (rule_not_future(date)),
  ADD CONSTRAINT rule_verdict_date_precision CHECK (rule_date_matches_precision(date, date_precision)),
  ADD CONSTRAINT rule_verdict_sentence_only_if_convicted CHECK (
    outcome = 'CONVICTED' OR (sentence_kind IS NULL AND sentence_months IS NULL)),
  ADD CONSTRAINT rule_verdict_sentence_positive CHECK (sentence_months IS NULL OR sentence_months > 0);

ALTER TABLE "appeal"
  ADD CONSTRAINT rule_appeal_decided_after_filed CHECK (
    filed_date IS NULL OR decided_date IS NULL OR decided_date >= filed_date),
  ADD CONSTRAINT rule_appeal_not_future CHECK (rule_not_future(filed_date) AND rule_not_future(decided_date)),
  ADD CONSTRAINT rule_appeal_pending_undecided CHECK (result <> 'PENDING' OR decided_date IS NULL),
  ADD CONSTRAINT rule_appeal_new_sentence_only_if_reduced CHECK (
    new_sentence_months IS NULL OR (result = 'REDUCED' AND new_sentence_months > 0));

-- Decrees, sources, updates ---------------------------------------------------------------------
ALTER TABLE "decree"
  ADD CONSTRAINT rule_decree_not_future CHECK (rule_not_future(signed_date)),
  ADD CONSTRAINT rule_decree_date_precision CHECK (rule_date_matches_precision(signed_date, signed_precision));

ALTER TABLE "source"
  ADD CONSTRAINT rule_source_published_precision CHECK (
    (published_date IS NULL) = (published_precision IS NULL)
    AND rule_date_matches_precision(published_date, published_precision)
    AND rule_not_future(published_date)),
  ADD CONSTRAINT rule_source_url_scheme CHECK (url IS NULL OR url ~* '^https?://');

ALTER TABLE "citation"
  ADD CONSTRAINT rule_citation_one_subject CHECK (num_nonnulls(
    prisoner_id, affiliation_id, recognition_id, case_id, charge_id, custody_period_id,
    placement_id, detention_extension_id, hearing_id, motion_id, verdict_id, appeal_id,
    decree_id, update_id, lawyer_id) = 1);

ALTER TABLE "advocacy_update"
  ADD CONSTRAINT rule_update_not_future CHECK (rule_not_future(date)),
  ADD CONSTRAINT rule_update_date_precision CHECK (rule_date_matches_precision(date, date_precision));

-- Users and audit -------------------------------------------------------------------------------
ALTER TABLE "app_user"
  ADD CONSTRAINT rule_user_email_lowercase CHECK (email = lower(email));

CREATE FUNCTION rule_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rule_audit_append_only: the audit log is append-only'
    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'rule_audit_append_only';
END
$$;

CREATE TRIGGER rule_audit_append_only
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION rule_audit_append_only();

CREATE TRIGGER rule_audit_no_truncate
  BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION rule_audit_append_only();

-- Name search -----------------------------------------------------------------------------------
-- Case- and diacritic-insensitive folding shared by the stored search text and every query.
-- unaccent covers most Latin diacritics; the Azerbaijani letters it leaves are mapped here.
CREATE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT lower(translate(unaccent('unaccent', coalesce(t, '')), 'əƏıİ', 'eEiI'))
$$;

CREATE FUNCTION search_refresh_prisoner_text(target uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE "prisoner" p SET search_text = search_fold(
    p.full_name || ' ' || coalesce((
      SELECT string_agg(n.value, ' ' ORDER BY n.value) FROM "prisoner_name" n WHERE n.prisoner_id = p.id
    ), ''))
  WHERE p.id = target
$$;

CREATE FUNCTION search_prisoner_text_on_prisoner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := search_fold(
    NEW.full_name || ' ' || coalesce((
      SELECT string_agg(n.value, ' ' ORDER BY n.value) FROM "prisoner_name" n WHERE n.prisoner_id = NEW.id
    ), ''));
  RETURN NEW;
END
$$;

CREATE TRIGGER search_prisoner_text_on_prisoner
  BEFORE INSERT OR UPDATE OF full_name ON "prisoner"
  FOR EACH ROW EXECUTE FUNCTION search_prisoner_text_on_prisoner();

CREATE FUNCTION search_prisoner_text_on_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM search_refresh_prisoner_text(OLD.prisoner_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM search_refresh_prisoner_text(NEW.prisoner_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_prisoner_text_on_name
  AFTER INSERT OR UPDATE OR DELETE ON "prisoner_name"
  FOR EACH ROW EXECUTE FUNCTION search_prisoner_text_on_name();

CREATE INDEX search_prisoner_text_trgm ON "prisoner" USING gin (search_text gin_trgm_ops);

-- Derived status ---------------------------------------------------------------------------------
-- The first day a custody period is proven. A start known exactly counts from its first day;
-- a bound ("in custody by October 2014") counts only from the last day it can stand for, so a
-- past count is never more than the sources prove (lib/data/custody-status.ts).
CREATE FUNCTION status_counted_from(d date, p "DatePrecision", q "DateQualifier") RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN q <> 'ON_OR_BEFORE' OR p = 'DAY' THEN d
    WHEN p = 'MONTH' THEN (d + interval '1 month' - interval '1 day')::date
    ELSE (d + interval '1 year' - interval '1 day')::date
  END
$$;

CREATE INDEX search_custody_detention_span ON "custody_period" (
  status_counted_from(start_date, start_precision, start_qualifier), end_date
) WHERE kind = 'DETENTION' AND state = 'PUBLISHED';
