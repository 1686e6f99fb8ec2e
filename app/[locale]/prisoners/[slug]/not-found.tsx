import Link from "next/link";

export default function ProfileNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">No profile here</h1>
      <p className="max-w-prose">
        There is no published profile at this address. It may have been mistyped, or the profile may not be
        published.
      </p>
      <p>
        <Link href="/" className="underline underline-offset-2">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
