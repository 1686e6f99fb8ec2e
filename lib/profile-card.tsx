import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";

/**
 * The link-preview image of a profile: name, status, and the site's name.
 *
 * Fonts come from the installed @fontsource/noto-sans package: Latin, Latin Extended (the
 * Azerbaijani letters) and Cyrillic. When a glyph is missing from every font it is given, the
 * image renderer fetches a font from the network; with these three it has what any name in
 * Azerbaijani, Russian or English needs, so previews work on a server with no network.
 */
export const PROFILE_CARD_SIZE = { width: 1200, height: 630 };

const SUBSETS = ["latin", "latin-ext", "cyrillic"] as const;
const WEIGHTS = [400, 700] as const;
// One family per subset: the renderer keeps a single font for each family and weight.
const familyOf = (subset: (typeof SUBSETS)[number]) => `Noto Sans ${subset}`;
const FONT_FAMILIES = SUBSETS.map((subset) => `"${familyOf(subset)}"`).join(", ");

async function loadFonts() {
  const directory = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
  return Promise.all(
    SUBSETS.flatMap((subset) =>
      WEIGHTS.map(async (weight) => ({
        name: familyOf(subset),
        data: await fs.readFile(path.join(directory, `noto-sans-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
}

export async function profileCardImage({ fullName, status }: { fullName: string; status: string }): Promise<ImageResponse> {
  const fonts = await loadFonts();
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px",
          background: "#fafaf9",
          color: "#1c1917",
          fontFamily: FONT_FAMILIES,
          borderTop: "24px solid #9f1239",
        }}
      >
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ fontSize: 76, fontWeight: 700, lineHeight: 1.1 }}>{fullName}</div>
          <div style={{ marginTop: 32, fontSize: 44, color: "#9f1239" }}>{status}</div>
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", fontSize: 30, color: "#57534e" }}>
          <div style={{ fontSize: 48, fontWeight: 700, color: "#9f1239" }}>Habeas</div>
          <div>Political prisoners, case by case</div>
        </div>
      </div>
    ),
    { ...PROFILE_CARD_SIZE, fonts },
  );
}
