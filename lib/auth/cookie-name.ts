/**
 * The session cookie's name, without anything else of next-auth: proxy.ts reads it too.
 *
 * Secure cookies whenever the app is served over https (NEXTAUTH_URL says so). Plain http is
 * only for a local demo, where a Secure cookie would never be sent back.
 */
export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
