import en from "../messages/en.json";
import type {
  CourtKind,
  FacilityKind,
  HearingKind,
  HearingStatus,
  MotionKind,
  MotionParty,
  ReleaseReason,
  Ruling,
  SentenceKind,
  VerdictOutcome,
} from "./db/generated/enums";

/**
 * The record's kinds and rulings in English, for English-only screens (the admin workspace).
 * The words live in messages/en.json, the same catalogue the public site reads, so a label is
 * changed in one place; the public site reads every language through next-intl instead.
 */
const { enums } = en;

export const courtKindLabel: Record<CourtKind, string> = enums.courtKind;
export const facilityKindLabel: Record<FacilityKind, string> = enums.facilityKind;
export const hearingKindLabel: Record<HearingKind, string> = enums.hearingKind;
export const hearingStatusLabel: Record<HearingStatus, string> = enums.hearingStatus;
export const motionPartyLabel: Record<MotionParty, string> = enums.motionParty;
export const motionKindLabel: Record<MotionKind, string> = enums.motionKind;
export const rulingLabel: Record<Ruling, string> = enums.ruling;
export const releaseReasonLabel: Record<ReleaseReason, string> = enums.releaseReason;
export const verdictOutcomeLabel: Record<VerdictOutcome, string> = enums.verdictOutcome;
export const sentenceKindLabel: Record<SentenceKind, string> = enums.sentenceKind;
