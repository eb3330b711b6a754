import type { ReactNode } from "react";

/** A list table's header row: one cell per column, spaced like the body cells (the last one without right padding). */
export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        {columns.map((column, index) => (
          <th key={index} className={index === columns.length - 1 ? "py-2 font-medium" : "py-2 pr-3 font-medium"}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
