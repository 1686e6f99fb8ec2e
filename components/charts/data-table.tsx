import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatCount } from "./scale";

export type TableRow = {
  key: string;
  /** The row's header cell: what the numbers are of. */
  header: ReactNode;
  /** One value per value column; null for "does not apply". */
  values: (number | null)[];
};

type DataTableProps = {
  caption: ReactNode;
  /** Header of the row-header column, then of each value column. */
  columns: [string, ...string[]];
  rows: TableRow[];
  /** Rows that sum up or qualify the others (totals), set apart at the foot. */
  footer?: TableRow[];
};

function Row({ row, total = false }: { row: TableRow; total?: boolean }) {
  const t = useTranslations("tally");
  return (
    <tr className="border-t border-stone-200">
      <th scope="row" className={`py-1.5 pr-4 text-left ${total ? "font-semibold" : "font-normal"}`}>
        {row.header}
      </th>
      {row.values.map((value, index) => (
        <td key={index} className="py-1.5 pl-4 text-right tabular-nums">
          {value === null ? (
            <>
              <span aria-hidden="true">–</span>
              <span className="sr-only">{t("notApplicable")}</span>
            </>
          ) : (
            formatCount(value)
          )}
        </td>
      ))}
    </tr>
  );
}

/** The numbers of a chart as a table: a caption, column headers, and a header cell per row. */
export function DataTable({ caption, columns, rows, footer }: DataTableProps) {
  const [rowHeader, ...valueHeaders] = columns;
  return (
    <table className="w-full max-w-xl border-collapse text-sm">
      <caption className="mb-2 text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="pb-1.5 pr-4 text-left font-semibold">
            {rowHeader}
          </th>
          {valueHeaders.map((header) => (
            <th key={header} scope="col" className="pb-1.5 pl-4 text-right font-semibold">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.key} row={row} />
        ))}
      </tbody>
      {footer && footer.length > 0 ? (
        <tfoot className="border-t-2 border-stone-400 font-semibold">
          {footer.map((row) => (
            <Row key={row.key} row={row} total />
          ))}
        </tfoot>
      ) : null}
    </table>
  );
}
