import type {
  CourtKind,
  FacilityKind,
  HearingKind,
  HearingStatus,
  MotionKind,
  MotionParty,
  Ruling,
} from "./db/generated/enums";

/** How the record's kinds and rulings read on the public site (English). */

export const courtKindLabel: Record<CourtKind, string> = {
  DISTRICT: "District court",
  APPEAL: "Court of appeal",
  GRAVE_CRIMES: "Grave crimes court",
  SUPREME: "Supreme court",
  INTERNATIONAL: "International body",
  OTHER: "Other court",
};

export const facilityKindLabel: Record<FacilityKind, string> = {
  PRE_TRIAL_DETENTION_CENTRE: "Pre-trial detention centre",
  PRISON: "Prison",
  POLICE_STATION: "Police station",
  MEDICAL: "Medical facility",
  OTHER: "Other place of detention",
};

export const hearingKindLabel: Record<HearingKind, string> = {
  PRE_TRIAL_DETENTION: "Pre-trial detention",
  DETENTION_EXTENSION: "Extension of detention",
  PRELIMINARY: "Preliminary hearing",
  TRIAL_SESSION: "Trial session",
  VERDICT: "Verdict",
  APPEAL: "Appeal",
  CASSATION: "Cassation",
  CIVIL_SUIT: "Civil suit",
  OTHER: "Hearing",
};

export const hearingStatusLabel: Record<HearingStatus, string> = {
  SCHEDULED: "Scheduled",
  HELD: "Held",
  POSTPONED: "Postponed",
  CANCELLED: "Cancelled",
};

export const motionPartyLabel: Record<MotionParty, string> = {
  DEFENCE: "Defence",
  PROSECUTION: "Prosecution",
  INVESTIGATION: "Investigation",
  PLAINTIFF: "Plaintiff",
  COURT: "Court",
  OTHER: "Other",
};

export const motionKindLabel: Record<MotionKind, string> = {
  EXTEND_DETENTION: "Extend detention",
  HOUSE_ARREST: "House arrest",
  BAIL: "Bail",
  HOUSE_ARREST_OR_BAIL: "House arrest or bail",
  MEDICAL_EXAMINATION: "Medical examination",
  RELEASE: "Release",
  RECUSAL: "Recusal of the judge",
  ADJOURNMENT: "Adjournment",
  OTHER: "Other motion",
};

export const rulingLabel: Record<Ruling, string> = {
  GRANTED: "Granted",
  PARTLY_GRANTED: "Partly granted",
  DISMISSED: "Dismissed",
  NOT_CONSIDERED: "Not considered",
  POSTPONED: "Postponed",
  PENDING: "Pending",
};
