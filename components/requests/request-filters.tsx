import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { channels, requestCategories, requestStatuses, urgencies } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";
import type { RegionGroup } from "@/lib/regions/zone-groups";

type FilterName = "q" | "status" | "category" | "region" | "channel" | "urgency" | "dates" | "attention";

interface Props {
  basePath: string;
  show: FilterName[];
  values: Record<string, string | undefined>;
  regionGroups?: RegionGroup[];
  /** Kept as they are when the form is sent (a tab the list is on). */
  keep?: Record<string, string | undefined>;
  t: Translate;
}

/** A plain GET form of list filters: works without JavaScript, and the URL can be shared. */
export function RequestFilters({ basePath, show, values, regionGroups = [], keep = {}, t }: Props) {
  const select = (name: string, label: string, options: [string, string][]) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={values[name] ?? ""} className={inputClass}>
        <option value="">{t("requests.list.any")}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const active = Object.entries(values).some(([k, v]) => k !== "page" && v);
  const onlySearch = show.every((name) => name === "q");
  return (
    <form method="get" action={basePath} className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-3">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {show.includes("q") ? (
        <label className={`block text-sm ${onlySearch ? "" : "mb-3"}`}>
          <span className="mb-1 block font-medium text-slate-700">{t("requests.list.search")}</span>
          <input type="search" name="q" defaultValue={values.q ?? ""} placeholder={t("requests.list.searchPlaceholder")} className={inputClass} />
        </label>
      ) : null}
      <div className={onlySearch ? "hidden" : "grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"}>
        {show.includes("status")
          ? select(
              "status",
              t("requests.admin.status"),
              requestStatuses.map((s) => [s, t(`enums.requestStatus.${s}`)]),
            )
          : null}
        {show.includes("category")
          ? select(
              "category",
              t("requests.admin.category"),
              requestCategories.map((c) => [c, t(`enums.requestCategory.${c}`)]),
            )
          : null}
        {show.includes("region") ? (
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("requests.admin.region")}</span>
            <select name="region" defaultValue={values.region ?? ""} className={inputClass}>
              <option value="">{t("requests.list.any")}</option>
              {regionGroups.map((g) => (
                <optgroup key={g.code} label={g.name}>
                  <option value={g.code}>{g.name}</option>
                  {g.towns.map((town) => (
                    <option key={town.code} value={town.code}>
                      {"\u3000"}
                      {town.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        ) : null}
        {show.includes("channel")
          ? select(
              "channel",
              t("requests.admin.channel"),
              channels.map((c) => [c, t(`enums.channel.${c}`)]),
            )
          : null}
        {show.includes("urgency")
          ? select(
              "urgency",
              t("requests.admin.urgency"),
              urgencies.map((u) => [u, t(`enums.urgency.${u}`)]),
            )
          : null}
        {show.includes("dates") ? (
          <>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("requests.admin.from")}</span>
              <input type="date" name="from" defaultValue={values.from ?? ""} className={inputClass} />
            </label>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("requests.admin.to")}</span>
              <input type="date" name="to" defaultValue={values.to ?? ""} className={inputClass} />
            </label>
          </>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {show.includes("attention") ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="attention" value="1" defaultChecked={values.attention === "1"} />
            {t("requests.admin.attention")}
          </label>
        ) : null}
        <Button type="submit" variant="secondary" className="min-h-9 py-1.5">
          {t("requests.list.apply")}
        </Button>
        {active ? (
          <Link href={keepQuery(basePath, keep)} className="text-sm text-brand-700 hover:underline">
            {t("requests.list.reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function keepQuery(basePath: string, keep: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1])));
  return params.size ? `${basePath}?${params}` : basePath;
}
