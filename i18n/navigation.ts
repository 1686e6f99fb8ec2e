import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware Link, redirect and path helpers: "/prisoners" becomes "/az/prisoners" in Azerbaijani. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
