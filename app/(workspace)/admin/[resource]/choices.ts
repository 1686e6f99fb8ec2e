import "server-only";
import type { Option } from "@/lib/admin/forms";
import type { ResourceKey } from "@/lib/admin/record-types";
import { listCategoryChoices } from "@/lib/data/admin/prisoners";

/** Options a form takes from the database (a person's categories). */
export async function formChoices(key: ResourceKey): Promise<Record<string, Option[]>> {
  return key === "prisoners" ? { categories: await listCategoryChoices() } : {};
}
