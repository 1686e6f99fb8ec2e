import { useTranslations } from "next-intl";
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
  const t = useTranslations("statistics");
  const drawn = groups.slice(0, limit);
  const more = groups.length - drawn.length;
  const group = groupName.toLowerCase();
  const label =
    groups.length === 0
      ? t("groupChartEmpty", { date: on, group })
      : t("groupChart", {
          date: on,
          group,
          bars: drawn.map((bar) => t("groupBar", { label: bar.label, count: formatCount(bar.value) })).join("; "),
          more,
        });

  return (
    <ChartFigure title={title} description={description}>
      <BarChart bars={groups} label={label} limit={limit} />
      <DataTable
        caption={t("groupCaption", { date: on, group })}
        columns={[groupName, t("peopleImprisoned")]}
        rows={groups.map((group) => ({ key: group.label, header: group.label, values: [group.value] }))}
        footer={[{ key: "total", header: t("allOnce"), values: [total] }]}
      />
    </ChartFigure>
  );
}
