import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

/**
 * next-auth's endpoints: sign-in with email and password (its own CSRF token), sign-out,
 * session. The POST sign-in is the only change it makes, and it is audited and rate-limited
 * in lib/data/sign-in.ts.
 */
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
