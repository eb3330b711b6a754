"use client";

import { Button, LinkButton } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import type { Locale } from "@/lib/i18n/locales";
import { RegionFilter, type RegionFilterText } from "./region-filter";

/** One of the directory's drop-downs: its label, its choices (and the "any" choice's label), its value. */
export interface DirectorySelect {
  label: string;
  anyLabel?: string;
  options: SelectOption[];
  value: string;
}

/**
 * The directory's search form (a plain GET form: it works before and without the script). A client
 * component with thin props, the labels and choices as strings: as a server component, its whole
 * element tree would travel a second time in the page for hydration.
 */
export function DirectoryFilters({
  q,
  specialty,
  region,
  language,
  mode,
  sort,
  locale,
  text,
  filtered,
}: {
  q: string;
  specialty: DirectorySelect;
  region?: { code: string; label: string };
  language: DirectorySelect;
  mode: DirectorySelect;
  sort: DirectorySelect;
  locale: Locale;
  text: { q: string; qPlaceholder: string; filters: string; submit: string; reset: string; region: RegionFilterText };
  filtered: boolean;
}) {
  const select = (id: string, field: DirectorySelect) => (
    <SelectField id={id} label={field.label} defaultValue={field.value} anyLabel={field.anyLabel} options={field.options} />
  );
  return (
    <form method="get" action="/experts" role="search" className="space-y-4 self-start rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="space-y-1">
        <label htmlFor="q" className={labelClass}>
          {text.q}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={text.qPlaceholder} className={inputClass} maxLength={100} />
      </div>
      <fieldset className="grid grid-cols-2 gap-3 lg:grid-cols-1 lg:gap-4">
        <legend className="sr-only">{text.filters}</legend>
        {select("specialty", specialty)}
        <RegionFilter id="region" locale={locale} selected={region} text={text.region} />
        {select("language", language)}
        {select("mode", mode)}
        {select("sort", sort)}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="flex-1">
          {text.submit}
        </Button>
        {filtered ? (
          <LinkButton href="/experts" variant="secondary">
            {text.reset}
          </LinkButton>
        ) : null}
      </div>
    </form>
  );
}
