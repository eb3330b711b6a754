"use client";

import { useMemo, useRef, useState } from "react";
import { inputClass, labelClass } from "@/components/ui/field";
import { useInBrowser } from "@/components/ui/use-in-browser";
import type { Locale } from "@/lib/i18n/locales";
import { directoryRegionOptions, regionOptions, type RegionOption, type RegionRow } from "@/lib/regions/options";

export interface RegionFilterText {
  label: string;
  search: string;
  /** For the plain field shown before the script runs (or without it): a region's code. */
  codeField: string;
  clear: string;
}

/**
 * The directory's region filter: a search over the regions, loaded from the public API the first
 * time the field is used rather than shipped with every page. Before the script runs (and without
 * it) the same field is a plain text input that takes a region code. Submits `region` (a code).
 */
export function RegionFilter({
  id,
  locale,
  selected,
  text,
}: {
  id: string;
  locale: Locale;
  selected?: { code: string; label: string };
  text: RegionFilterText;
}) {
  const interactive = useInBrowser();
  const [chosen, setChosen] = useState(selected);
  const [query, setQuery] = useState("");
  const [regions, setRegions] = useState<RegionOption[] | null>(null);
  const loading = useRef(false);

  const load = () => {
    if (regions || loading.current) return;
    loading.current = true;
    fetch("/api/v1/regions")
      .then((response) => (response.ok ? (response.json() as Promise<RegionRow[]>) : Promise.reject(new Error(String(response.status)))))
      .then((rows) => setRegions(directoryRegionOptions(regionOptions(rows, locale))))
      .catch(() => (loading.current = false));
  };
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q && regions ? regions.filter((r) => r.search.includes(q)).slice(0, 8) : [];
  }, [query, regions]);
  const choose = (region: RegionOption) => {
    setChosen({ code: region.code, label: region.label });
    setQuery("");
  };

  if (!interactive) {
    return (
      <div className="space-y-1">
        <label htmlFor={id} className={labelClass}>
          {text.label}
        </label>
        <input
          id={id}
          name="region"
          type="text"
          defaultValue={selected?.code ?? ""}
          placeholder={text.codeField}
          className={inputClass}
          maxLength={12}
        />
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {text.label}
      </label>
      <input type="hidden" name="region" value={chosen?.code ?? ""} />
      {chosen ? (
        <p className="inline-flex items-center gap-1 rounded-full bg-brand-100 py-1 pr-1 pl-3 text-sm text-brand-800">
          {chosen.label}
          <button
            type="button"
            onClick={() => setChosen(undefined)}
            className="grid h-6 w-6 place-items-center rounded-full hover:bg-brand-600 hover:text-white"
            aria-label={text.clear.replace("{name}", chosen.label)}
          >
            ×
          </button>
        </p>
      ) : null}
      <input
        id={id}
        type="search"
        value={query}
        onFocus={load}
        onChange={(e) => {
          load();
          setQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && matches[0]) {
            e.preventDefault();
            choose(matches[0]);
          }
        }}
        placeholder={text.search}
        className={inputClass}
        autoComplete="off"
      />
      {matches.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white shadow-sm">
          {matches.map((r) => (
            <li key={r.code}>
              <button type="button" onClick={() => choose(r)} className="block w-full px-3 py-2 text-left text-sm hover:bg-brand-50">
                {r.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
