import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Stored media files (portraits), kept on disk under HABEAS_MEDIA_DIR (default ./data/media) by
 * their storage key. Only images of the kinds below are ever served, and a key can never reach
 * outside the media directory.
 */
export const SERVABLE_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/avif"]);

const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

// Media are data written at run time, not part of the build: the bundler must not trace them.
export function mediaDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.HABEAS_MEDIA_DIR ?? path.join("data", "media"));
}

/** The file's path for a storage key, or null when the key is not a plain relative path. */
export function mediaPath(storageKey: string, directory: string = mediaDirectory()): string | null {
  if (!STORAGE_KEY.test(storageKey) || storageKey.split("/").some((part) => part === "." || part === "..")) {
    return null;
  }
  const resolved = path.resolve(directory, storageKey);
  return resolved.startsWith(directory + path.sep) ? resolved : null;
}

/** The stored bytes, or null when the key is refused or no such file exists. */
export async function readMediaFile(storageKey: string): Promise<Buffer | null> {
  const file = mediaPath(storageKey);
  if (!file) return null;
  try {
    return await fs.readFile(/*turbopackIgnore: true*/ file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The HTTP answer for a stored image: the file with its type, or 404 when there is none, its
 * type is not one served, or the file is missing. `cacheControl` says who may keep it.
 */
export async function storedImageResponse(
  image: { storageKey: string; mimeType: string } | null,
  cacheControl: string,
): Promise<Response> {
  if (!image || !SERVABLE_IMAGE_TYPES.has(image.mimeType)) return new Response("Not found", { status: 404 });
  const bytes = await readMediaFile(image.storageKey);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": image.mimeType, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" },
  });
}
