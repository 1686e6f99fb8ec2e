/** What an admin page shows to someone who is not signed in, or whose role cannot do this. */
export function SignInRequired({ what, signedIn }: { what: string; signedIn: boolean }) {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">{signedIn ? "Not allowed" : "Sign in required"}</h1>
      <p>{signedIn ? `Your role does not allow you to ${what}.` : `Sign in to ${what}.`}</p>
    </div>
  );
}
