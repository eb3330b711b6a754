"use client";

import { useId, useMemo, useState } from "react";
import { inputClass, labelClass } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import type { RegionOption } from "@/lib/regions/options";

/**
 * Chooses one or several regions by typing part of a name (or a code): the many regions of the
 * Delta do not fit a list of checkboxes. Submits hidden inputs `name[]` (or `name` when single).
 */
export function RegionPicker({
  name,
  label,
  regions,
  quickPicks = [],
  defaultValues = [],
  single = false,
  error,
  hint,
}: {
  name: string;
  label: string;
  regions: RegionOption[];
  quickPicks?: readonly string[];
  defaultValues?: readonly string[];
  single?: boolean;
  error?: string;
  hint?: string;
}) {
  const { t } = useT();
  const id = useId();
  const [selected, setSelected] = useState<string[]>([...defaultValues]);
  const [query, setQuery] = useState("");
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return regions.filter((r) => r.search.includes(q) && !selected.includes(r.code)).slice(0, 8);
  }, [query, regions, selected]);
  const add = (code: string) => {
    setSelected((current) => (single ? [code] : current.includes(code) ? current : [...current, code]));
    setQuery("");
  };
  const remove = (code: string) => setSelected((current) => current.filter((c) => c !== code));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-search`} className={labelClass}>
        {label}
      </label>
      {selected.map((code) => (
        <input key={code} type="hidden" name={single ? name : `${name}[]`} value={code} />
      ))}
      {selected.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={label}>
          {selected.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-brand-100 py-1 pr-1 pl-3 text-sm text-brand-800">
              {byCode.get(code)?.label ?? code}
              <button
                type="button"
                onClick={() => remove(code)}
                className="grid h-6 w-6 place-items-center rounded-full hover:bg-brand-600 hover:text-white"
                aria-label={t("roster.picker.remove", { name: byCode.get(code)?.name ?? code })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (matches[0]) add(matches[0].code);
          }
        }}
        placeholder={t("roster.picker.search")}
        className={inputClass}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        autoComplete="off"
      />
      {matches.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white shadow-sm">
          {matches.map((r) => (
            <li key={r.code}>
              <button type="button" onClick={() => add(r.code)} className="block w-full px-3 py-2 text-left text-sm hover:bg-brand-50">
                {r.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {quickPicks.length ? (
        <div className="flex flex-wrap gap-2">
          {quickPicks
            .filter((code) => !selected.includes(code) && byCode.has(code))
            .map((code) => (
              <button
                key={code}
                type="button"
                onClick={() => add(code)}
                className="rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
              >
                + {byCode.get(code)!.name}
              </button>
            ))}
        </div>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
