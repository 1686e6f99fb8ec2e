import type { ReactNode } from "react";

type ChartFigureProps = {
  /** The figure's caption: what the chart shows. */
  title: string;
  /** How to read it: what is counted, and how. */
  description?: ReactNode;
  /** The chart, then the table of the same numbers. */
  children: ReactNode;
};

/** A chart and the table of its numbers, captioned together. */
export function ChartFigure({ title, description, children }: ChartFigureProps) {
  return (
    <figure className="space-y-4 rounded-lg border border-stone-300 bg-white p-3 break-inside-avoid-page sm:p-6">
      <figcaption className="space-y-1">
        <span className="block font-semibold">{title}</span>
        {description ? <span className="block max-w-prose text-sm text-muted">{description}</span> : null}
      </figcaption>
      {children}
    </figure>
  );
}
