import type { z } from "zod";
import { caseCreate, caseUpdate } from "../validation/criminal-case";
import { chargeCreate, chargeUpdate } from "../validation/charge";
import { arrestForm, placementCreate, placementUpdate, releaseForm } from "../validation/custody";
import {
  courtCreate,
  courtUpdate,
  facilityCreate,
  facilityUpdate,
  judgeCreate,
  judgeUpdate,
  lawyerCreate,
  lawyerUpdate,
} from "../validation/institutions";
import { prisonerCreate, prisonerUpdate } from "../validation/prisoner";
import {
  appealCreate,
  appealUpdate,
  extensionCreate,
  extensionUpdate,
  hearingCreate,
  hearingUpdate,
  motionCreate,
  motionUpdate,
  verdictCreate,
  verdictUpdate,
} from "../validation/proceedings";
import { decreeCreate, decreeUpdate, sourceCreate, sourceUpdate, updateCreate, updateUpdate } from "../validation/publications";
import type { ResourceKey } from "./record-types";

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * The create and edit schema of every kind of record: the forms check input with these in the
 * browser before sending, and the server checks it again with the very same ones.
 */
export const adminSchemas = {
  prisoners: { create: prisonerCreate, update: prisonerUpdate },
  cases: { create: caseCreate, update: caseUpdate },
  charges: { create: chargeCreate, update: chargeUpdate },
  custody: { create: arrestForm, update: releaseForm },
  placements: { create: placementCreate, update: placementUpdate },
  facilities: { create: facilityCreate, update: facilityUpdate },
  courts: { create: courtCreate, update: courtUpdate },
  judges: { create: judgeCreate, update: judgeUpdate },
  lawyers: { create: lawyerCreate, update: lawyerUpdate },
  hearings: { create: hearingCreate, update: hearingUpdate },
  motions: { create: motionCreate, update: motionUpdate },
  extensions: { create: extensionCreate, update: extensionUpdate },
  verdicts: { create: verdictCreate, update: verdictUpdate },
  appeals: { create: appealCreate, update: appealUpdate },
  decrees: { create: decreeCreate, update: decreeUpdate },
  sources: { create: sourceCreate, update: sourceUpdate },
  updates: { create: updateCreate, update: updateUpdate },
} as unknown as Record<ResourceKey, { create: ObjectSchema; update: ObjectSchema }>;
