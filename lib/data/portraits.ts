import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { prisma } from "../db/client";
import type { PublicationState } from "../db/generated/client";
import { detectImageType, processPortrait, type ProcessedImage } from "../images";
import { mediaPath } from "../media";
import type { PortraitInput } from "../validation/portrait";
import { writeAudit, type Actor } from "./audit";
import { ForbiddenError, RuleViolation, explainDatabaseError } from "./errors";

/**
 * Stores a person's portrait: the image is checked from its bytes (JPEG, PNG or WebP only),
 * decoded and re-encoded without metadata, and written under a new storage key; then, in one
 * transaction, the portrait row is created or replaced with its credit, licence and consent,
 * and audited. A contributor may replace only a draft portrait (one who may publish, any).
 * A replaced image's file is removed once the new one is committed, so a
 * withdrawn photo does not linger on disk.
 */
export async function savePortrait(
  actor: Actor,
  input: PortraitInput,
  options: { publish: boolean },
): Promise<{ id: string; state: PublicationState; width: number; height: number }> {
  const original = new Uint8Array(await input.image.arrayBuffer());
  if (!detectImageType(original)) {
    throw imageProblem("This file is not a JPEG, PNG or WebP image.");
  }
  let image: ProcessedImage;
  try {
    image = await processPortrait(original);
  } catch {
    throw imageProblem("The image could not be read. It may be damaged, or too large in pixels.");
  }

  const storageKey = `portraits/${input.prisonerId}-${randomUUID()}.jpg`;
  const file = mediaPath(storageKey);
  if (!file) throw new Error("storage key outside the media directory");
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, image.bytes, { flag: "wx" });
  await fs.rename(temporary, file);

  const state: PublicationState = options.publish ? "PUBLISHED" : "DRAFT";
  let replacedKey: string | null = null;
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const prisoner = await tx.prisoner.findUnique({ where: { id: input.prisonerId }, select: { state: true } });
      if (!prisoner || prisoner.state === "ARCHIVED") {
        throw new RuleViolation("That person is not in the record.", { prisonerId: ["That person is not in the record."] });
      }
      const data = {
        storageKey,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        altText: input.altText ?? null,
        credit: input.credit,
        licence: input.licence,
        consent: input.consent,
        consentNote: input.consentNote ?? null,
        state,
      };
      const before = await tx.portrait.findUnique({ where: { prisonerId: input.prisonerId } });
      // Replacing a published portrait takes it off the public profile: only an editor may.
      if (before && before.state !== "DRAFT" && !options.publish) {
        throw new ForbiddenError(
          "This person's portrait is published or archived: only an editor can replace it. Ask an editor to do it.",
        );
      }
      const after = before
        ? await tx.portrait.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
        : await tx.portrait.create({ data: { ...data, prisonerId: input.prisonerId } });
      await writeAudit(tx, {
        actor,
        action: before ? "UPDATE" : "CREATE",
        entityType: "Portrait",
        entityId: after.id,
        before,
        after,
      });
      replacedKey = before?.storageKey ?? null;
      return after;
    });
    if (replacedKey) await removeMediaFile(replacedKey);
    return { id: saved.id, state: saved.state, width: saved.width, height: saved.height };
  } catch (error) {
    await fs.rm(file, { force: true });
    throw explainDatabaseError(error);
  }
}

function imageProblem(message: string): RuleViolation {
  return new RuleViolation(message, { image: [message] });
}

async function removeMediaFile(storageKey: string): Promise<void> {
  const file = mediaPath(storageKey);
  if (file) await fs.rm(file, { force: true });
}

/** What an editor sees of a person's portrait on the upload page (drafts included). */
export async function portraitForEditor(prisonerId: string) {
  const prisoner = await prisma.prisoner.findUnique({
    where: { id: prisonerId },
    select: {
      id: true,
      fullName: true,
      slug: true,
      state: true,
      portrait: { select: { credit: true, licence: true, consent: true, state: true, width: true, height: true, createdAt: true } },
    },
  });
  return prisoner && prisoner.state !== "ARCHIVED" ? prisoner : null;
}
