import { z } from "zod";
import { todayUtc } from "../dates";
import { isoDay } from "./common";

/** GET /api/count: today's count, or the count on a past day. */
export const countQuery = z.strictObject({
  date: isoDay
    .refine((day) => day <= todayUtc(), { error: "The count is known up to today (UTC); choose today or an earlier date" })
    .optional(),
});
export type CountQuery = z.input<typeof countQuery>;
