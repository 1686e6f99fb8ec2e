import type { FieldErrors } from "../validation/common";

/**
 * What a server action returns to its form (useActionState). On failure it carries the
 * user's input back (`values`) so nothing typed is lost, the errors per field, and for a
 * lost-update conflict the record as it now is.
 */
export type ActionState<Result = unknown> =
  | { status: "idle" }
  | { status: "ok"; message: string; result: Result }
  | {
      status: "error";
      /** 400 invalid input, 401 not signed in, 403 not allowed, 404 gone, 409 conflict, 500, 503 database unreachable. */
      code: 400 | 401 | 403 | 404 | 409 | 500 | 503;
      message: string;
      fieldErrors: FieldErrors;
      values: Record<string, FormValue>;
      conflict?: { current: unknown };
    };

export type FormValue = string | string[];

export const idle: ActionState<never> = { status: "idle" };
