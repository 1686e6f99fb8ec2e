import { ImportForm } from "@/components/admin/import-form";
import { requireUser } from "@/lib/auth/session";
import { requiredColumns } from "@/lib/validation/import";

export const metadata = { title: "Import" };

export default async function ImportPage() {
  await requireUser("/admin/import", "publish");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Import people from a CSV file</h1>
      <p className="mb-2 max-w-prose">
        The file needs a header row with the columns{" "}
        {requiredColumns.map((column, index) => (
          <span key={column}>
            <code>{column}</code>
            {index < requiredColumns.length - 1 ? ", " : ""}
          </span>
        ))}{" "}
        in any order; <code>external_id</code> and <code>birth_date</code> are read when present, other columns are
        ignored. Charges are article numbers separated by <code>;</code>, e.g. <code>234.4.3; 221.3</code>.
      </p>
      <p className="mb-6 max-w-prose">
        First check the file: every row&apos;s errors are listed and nothing is written. Import writes all rows or
        none, and importing the same file again changes nothing.
      </p>
      <ImportForm />
    </>
  );
}
