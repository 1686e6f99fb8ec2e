/**
 * The shared root passes pages through untouched: each area renders its own <html> in its own
 * layout: the public site in app/[locale]/layout.tsx (with lang set to the page's language),
 * sign-in and the admin in app/(workspace)/layout.tsx. It exists so that app/not-found.tsx has
 * a root.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
