import type { routing } from "@/i18n/routing";
import type en from "@/messages/en.json";

// Message keys and locales are checked by the compiler: a mistyped key does not build.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof en;
  }
}
