-- Every foreign key the public pages follow gets an index (found by a profile render at 100,000
-- prisoners: a citation lookup by charge, recognition or placement read the whole citation table,
-- 9-25 ms each, three times per profile). The rest serve the court and judge pages and keep
-- deleting or re-pointing a parent from scanning its children.
CREATE INDEX "appeal_court_id_idx" ON "appeal"("court_id");
CREATE INDEX "custody_period_case_id_idx" ON "custody_period"("case_id");
CREATE INDEX "hearing_judge_id_idx" ON "hearing"("judge_id");
CREATE INDEX "recognition_organization_id_idx" ON "recognition"("organization_id");
CREATE INDEX "verdict_hearing_id_idx" ON "verdict"("hearing_id");
CREATE INDEX "verdict_court_id_idx" ON "verdict"("court_id");
CREATE INDEX "citation_affiliation_id_idx" ON "citation"("affiliation_id");
CREATE INDEX "citation_recognition_id_idx" ON "citation"("recognition_id");
CREATE INDEX "citation_charge_id_idx" ON "citation"("charge_id");
CREATE INDEX "citation_placement_id_idx" ON "citation"("placement_id");
CREATE INDEX "citation_verdict_id_idx" ON "citation"("verdict_id");
CREATE INDEX "citation_appeal_id_idx" ON "citation"("appeal_id");
CREATE INDEX "citation_lawyer_id_idx" ON "citation"("lawyer_id");
