"use client";

/**
 * What sign-in and the workspace show when a page cannot be rendered (the database unreachable,
 * most often): an explanation, a retry, and the digest to match with the server's log. Never the
 * error's message or stack. Forms keep their input through their own error states; this is for
 * pages that could not be read.
 */
export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">This page cannot be shown just now</h1>
      <p className="max-w-prose">
        The workspace could not load what this page needs, most likely because the database is unavailable for a
        moment. Nothing was changed. Please try again shortly.
      </p>
      <p>
        <button type="button" onClick={reset} className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Try again
        </button>
      </p>
      {error.digest ? <p className="text-sm text-muted">Reference: {error.digest}</p> : null}
    </div>
  );
}
