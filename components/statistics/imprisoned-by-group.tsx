import type { ReactNode } from "react";
import { BarChart, type Bar } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { DataTable } from "@/components/charts/data-table";
import { formatCount } from "@/components/charts/scale";

type ImprisonedByGroupProps = {
  title: string;
  description: ReactNode;
  /** What the groups are, as a column header: "Category", "Place of detention". */
  groupName: string;
  /** The date counted, as people read it. */
  on: string;
  /** Groups with their counts, largest first, then any "not recorded" group. */
  groups: Bar[];
  /** People imprisoned, each counted once. */
  total: number;
  /** Bars drawn before the rest go to the table only. */
  limit?: number;
};

/** People imprisoned on a day, split into groups: a horizontal bar chart and its table. */
export function ImprisonedByGroup({ title, description, groupName, on, groups, total, limit = 12 }: ImprisonedByGroupProps) {
  const drawn = groups.slice(0, limit);
  const more = groups.length - drawn.length;
  const label =
    groups.length === 0
      ? `Bar chart of people imprisoned on ${on}, by ${groupName.toLowerCase()}: no one is imprisoned.`
      : `Bar chart of people imprisoned on ${on}, by ${groupName.toLowerCase()}: ` +
        drawn.map((group) => `${group.label}, ${formatCount(group.value)}`).join("; ") +
        (more > 0 ? `; and ${more} more in the table.` : ".");

  return (
    <ChartFigure title={title} description={description}>
      <BarChart bars={groups} label={label} limit={limit} />
      <DataTable
        caption={`People imprisoned on ${on}, by ${groupName.toLowerCase()}`}
        columns={[groupName, "People imprisoned"]}
        rows={groups.map((group) => ({ key: group.label, header: group.label, values: [group.value] }))}
        footer={[{ key: "total", header: "All people imprisoned, each counted once", values: [total] }]}
      />
    </ChartFigure>
  );
}
