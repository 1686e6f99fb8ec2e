import "server-only";
import sharp from "sharp";

/**
 * Portrait images: what a file really is (read from its first bytes, never from its name or
 * the type the browser claims), and the copy that is stored: turned upright, at most
 * PORTRAIT_MAX_SIDE pixels on its longer side, re-encoded as JPEG with no metadata at all
 * (EXIF with GPS position and camera serial numbers, XMP, IPTC, ICC comments).
 */
export const PORTRAIT_MAX_BYTES = 5 * 1024 * 1024;
export const PORTRAIT_MAX_SIDE = 1200;
/** Larger images are refused before decoding, so a small file cannot expand into gigabytes. */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

export function detectImageType(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, signature: number[]) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (bytes.length >= 3 && starts(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 8 && starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP
  if (bytes.length >= 12 && starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

export type ProcessedImage = { bytes: Buffer; mimeType: "image/jpeg"; width: number; height: number };

/** Decodes, rotates by its orientation tag, shrinks and re-encodes; throws if it cannot be decoded. */
export async function processPortrait(input: Uint8Array): Promise<ProcessedImage> {
  const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false })
    .rotate()
    .resize({ width: PORTRAIT_MAX_SIDE, height: PORTRAIT_MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 82, mozjpeg: true })
    // sharp writes no metadata unless asked (withMetadata/keepExif): nothing is carried over.
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, mimeType: "image/jpeg", width: info.width, height: info.height };
}
