import "server-only";
import type { ResourceKey } from "../../admin/record-types";
import { cases, charges, custody, placements } from "./cases";
import type { AdminResource } from "./engine";
import { courts, facilities, judges, lawyers } from "./institutions";
import { prisoners } from "./prisoners";
import { appeals, extensions, hearings, motions, verdicts } from "./proceedings";
import { decrees, sources, updates } from "./publications";

/** Every kind of record the admin edits, by its address under /admin. */
export const adminResources: Record<ResourceKey, AdminResource> = {
  prisoners,
  cases,
  charges,
  custody,
  placements,
  facilities,
  courts,
  judges,
  lawyers,
  hearings,
  motions,
  extensions,
  verdicts,
  appeals,
  decrees,
  sources,
  updates,
} as unknown as Record<ResourceKey, AdminResource>;
