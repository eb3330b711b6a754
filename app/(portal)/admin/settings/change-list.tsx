/** One recorded change of a setting: who and when, and a line per figure it moved. */
export interface ChangeEntry {
  id: string | number;
  heading: string;
  lines: string[];
}

/** A setting's change history, newest first, as the settings page shows each one. */
export function ChangeList({ entries, label, className = "" }: { entries: ChangeEntry[]; label?: string; className?: string }) {
  return (
    <ol className={`divide-y divide-slate-100 ${className}`} aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id} className="py-3 text-sm">
          <p className="font-medium text-slate-900">{entry.heading}</p>
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {entry.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
