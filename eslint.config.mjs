import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Only the data layer talks to the database. Tests next to routes may set up their data directly.
    files: ["app/**", "components/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/db/*", "@/lib/db/*", "**/generated/*"], message: "Use a lib/data function; only the data layer imports the database client." },
          ],
        },
      ],
    },
  },
];

export default config;
