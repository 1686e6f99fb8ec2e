import { z } from "zod";
import { isoDay } from "./common";

/** /prisoners/[slug]/changes?since=YYYY-MM-DD: changes recorded on or after that day (UTC). */
export const changeLogQuery = z.strictObject({ since: isoDay.optional() });
export type ChangeLogQuery = z.input<typeof changeLogQuery>;
