-- A custody period's dates may now be corrected after its release was recorded (a wrong release
-- date, or a release undone). rule_placement_within_custody checks a placement when the
-- placement is written; this checks the other side, when the period's dates change, so that no
-- correction leaves a transfer outside the period it belongs to (docs/decisions/0019).
CREATE FUNCTION rule_custody_covers_placements() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  outside date;
BEGIN
  SELECT min(p.from_date) INTO outside FROM "placement" p
  WHERE p.custody_period_id = NEW.id
    AND (p.from_date < NEW.start_date OR (NEW.end_date IS NOT NULL AND p.from_date > NEW.end_date));
  IF outside IS NOT NULL THEN
    RAISE EXCEPTION 'rule_custody_covers_placements: a placement from % falls outside the custody period (% to %)',
      outside, NEW.start_date, coalesce(NEW.end_date::text, 'open')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'rule_custody_covers_placements';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER rule_custody_covers_placements
  BEFORE UPDATE OF start_date, end_date ON "custody_period"
  FOR EACH ROW EXECUTE FUNCTION rule_custody_covers_placements();
