import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisoner } from "../../scripts/test-support/records";
import { createTestUser } from "../../scripts/test-support/users";
import { performAction } from "../actions/perform";
import { uploadPortraitAction } from "../actions/upload-portrait";
import type { SessionUser } from "../auth/user";
import { disconnect, prisma } from "../db/client";
import { mediaPath } from "../media";
import { GET as servePortrait } from "../../app/prisoners/[slug]/portrait/route";

let editor: SessionUser;
let contributor: SessionUser;
let mediaDir: string;

beforeAll(async () => {
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), "habeas-portraits-"));
  process.env.HABEAS_MEDIA_DIR = mediaDir;
  [editor, contributor] = await Promise.all([createTestUser("EDITOR"), createTestUser("CONTRIBUTOR")]);
});
afterAll(async () => {
  await disconnect();
  await fs.rm(mediaDir, { recursive: true, force: true });
});

const GPS = {
  GPSLatitudeRef: "N",
  GPSLatitude: "40/1 24/1 3600/100",
  GPSLongitudeRef: "E",
  GPSLongitude: "49/1 52/1 0/1",
};

/** A real camera-like JPEG: 2400×1600, with the camera's make and a GPS position in EXIF. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#7a4a2a" } })
    .withExif({ IFD0: { Make: "CanaryCamera", ImageDescription: "canary-place" }, IFD3: GPS })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function upload(prisonerId: string, bytes: Uint8Array, name = "photo.jpg", type = "image/jpeg") {
  return {
    prisonerId,
    image: new File([new Uint8Array(bytes)], name, { type }),
    credit: "Family photo",
    licence: "Used with the family's permission",
    consent: "FAMILY",
  };
}

/** Whether EXIF anywhere in the bytes carries a GPS directory (tag 0x8825). */
function hasGpsTag(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  for (let index = 0; index < exif.length - 1; index += 1) {
    if ((exif[index] === 0x88 && exif[index + 1] === 0x25) || (exif[index] === 0x25 && exif[index + 1] === 0x88)) return true;
  }
  return false;
}

describe("portrait upload", () => {
  it("stores a resized copy with no EXIF or GPS, audited, and serves it with nosniff", async () => {
    const person = await createPrisoner();
    const original = await photoWithGps();
    const originalMeta = await sharp(original).metadata();
    expect(hasGpsTag(originalMeta.exif)).toBe(true);

    const result = await performAction(uploadPortraitAction, editor, upload(person.id, original));
    expect(result).toMatchObject({ status: "ok", message: "Portrait saved and published.", result: { width: 1200, height: 800 } });

    const portrait = await prisma.portrait.findUniqueOrThrow({ where: { prisonerId: person.id } });
    expect(portrait).toMatchObject({ mimeType: "image/jpeg", credit: "Family photo", consent: "FAMILY", state: "PUBLISHED" });
    const file = mediaPath(portrait.storageKey, path.resolve(mediaDir));
    expect(file).not.toBeNull();
    const stored = await fs.readFile(file as string);
    const storedMeta = await sharp(stored).metadata();
    expect(storedMeta).toMatchObject({ format: "jpeg", width: 1200, height: 800 });
    expect(storedMeta.exif).toBeUndefined();
    expect(storedMeta.xmp).toBeUndefined();
    expect(stored.includes("CanaryCamera")).toBe(false);
    expect(stored.includes("canary-place")).toBe(false);

    const audit = await prisma.auditEntry.findMany({ where: { entityId: portrait.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "CREATE", entityType: "Portrait", actorId: editor.id });

    const response = await servePortrait(new Request(`http://localhost/prisoners/${person.slug}/portrait`), {
      params: Promise.resolve({ slug: person.slug }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).equals(stored)).toBe(true);
  });

  it("replaces the earlier image and removes its file; a contributor's portrait is a draft, and never replaces a published one", async () => {
    const person = await createPrisoner();
    const png = await sharp({ create: { width: 300, height: 400, channels: 4, background: "#00000000" } }).png().toBuffer();
    const webp = await sharp({ create: { width: 500, height: 500, channels: 3, background: "#336699" } }).webp().toBuffer();
    const served = async () =>
      (await servePortrait(new Request("http://localhost/"), { params: Promise.resolve({ slug: person.slug }) })).status;

    // A contributor's first portrait is a draft, not served; the contributor may replace it.
    expect(await performAction(uploadPortraitAction, contributor, upload(person.id, png, "p.png", "image/png"))).toMatchObject({
      status: "ok",
      result: { state: "DRAFT" },
    });
    const draft = await prisma.portrait.findUniqueOrThrow({ where: { prisonerId: person.id } });
    expect(await served()).toBe(404);
    const redone = await performAction(uploadPortraitAction, contributor, upload(person.id, webp, "p.webp", "image/webp"));
    expect(redone).toMatchObject({ status: "ok", result: { state: "DRAFT", width: 500, height: 500 } });
    await expect(fs.access(mediaPath(draft.storageKey, path.resolve(mediaDir)) as string)).rejects.toThrow();

    // An editor's replaces it, published; the earlier file is removed.
    expect((await performAction(uploadPortraitAction, editor, upload(person.id, png, "p.png", "image/png"))).status).toBe("ok");
    const published = await prisma.portrait.findUniqueOrThrow({ where: { prisonerId: person.id } });
    expect(published).toMatchObject({ version: 3, state: "PUBLISHED" });
    expect(await served()).toBe(200);

    // A contributor cannot take the published portrait down by uploading over it.
    const refused = await performAction(uploadPortraitAction, contributor, upload(person.id, webp, "p.webp", "image/webp"));
    expect(refused).toMatchObject({ status: "error", code: 403 });
    expect(await prisma.portrait.findUniqueOrThrow({ where: { prisonerId: person.id } })).toEqual(published);
    await expect(fs.access(mediaPath(published.storageKey, path.resolve(mediaDir)) as string)).resolves.toBeUndefined();
    expect(await served()).toBe(200);
  });

  it("refuses what is not an image whatever it claims, an oversized file, and missing credit, licence or consent", async () => {
    const person = await createPrisoner();
    const filesBefore = await fs.readdir(path.join(mediaDir, "portraits")).catch(() => []);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const disguised = await performAction(uploadPortraitAction, editor, upload(person.id, svg, "photo.jpg", "image/jpeg"));
    expect(disguised).toMatchObject({ status: "error", code: 400, fieldErrors: { image: ["This file is not a JPEG, PNG or WebP image."] } });

    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    expect(await performAction(uploadPortraitAction, editor, upload(person.id, gif, "a.png", "image/png"))).toMatchObject({
      status: "error",
      fieldErrors: { image: ["This file is not a JPEG, PNG or WebP image."] },
    });

    const truncated = (await photoWithGps()).subarray(0, 200);
    expect(await performAction(uploadPortraitAction, editor, upload(person.id, truncated))).toMatchObject({
      status: "error",
      fieldErrors: { image: [expect.stringMatching(/could not be read/)] },
    });

    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect(await performAction(uploadPortraitAction, editor, upload(person.id, huge))).toMatchObject({
      status: "error",
      fieldErrors: { image: ["The image is larger than 5 MB"] },
    });

    const missing = await performAction(uploadPortraitAction, editor, {
      prisonerId: person.id,
      image: new File([new Uint8Array(await photoWithGps())], "p.jpg", { type: "image/jpeg" }),
      credit: " ",
      role: "ADMIN",
    });
    expect(missing).toMatchObject({ status: "error", code: 400 });
    if (missing.status !== "error") throw new Error("saved");
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(["_form", "consent", "credit", "licence"]);

    expect(await performAction(uploadPortraitAction, null, upload(person.id, await photoWithGps()))).toMatchObject({ code: 401 });
    expect(await prisma.portrait.count({ where: { prisonerId: person.id } })).toBe(0);
    expect(await fs.readdir(path.join(mediaDir, "portraits")).catch(() => [])).toEqual(filesBefore);
  });
});
