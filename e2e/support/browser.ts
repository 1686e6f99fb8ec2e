import { devices } from "@playwright/test";

/**
 * Browser settings several specs share (pass to `test.use`).
 *
 * CROSS_SITE_BROWSER: Chromium as playwright.config.ts launches it, plus its local-network checks
 * turned off. A spec that serves "another site" from the browser itself (a page on localhost
 * posting or framing 127.0.0.1) needs it: Chromium counts that page as public, and would stop
 * its request before it reached this server.
 */
export const CROSS_SITE_BROWSER = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults",
    ],
  },
};

/** The smallest phone the site is made for: 360 px wide, touch, a phone's user agent. */
export const PHONE_360 = {
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent: devices["Pixel 7"].userAgent,
};
