import Link from "next/link";
import { defaultLocale, type Locale } from "@/lib/i18n/catalog";
import { formatCount } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Previous/next links for a page of `list` that keep the other query parameters (the page in
 * `param`, "page" by default; `hash` keeps the reader at a section). A list with `totalExact` false
 * has more than `total` matches (a long list counts and pages only so far, lib/list-window.ts): the
 * summary gives the pages counted, and a note says to narrow the filters for the rest.
 */
export function Pagination({
  list: { page, pageSize, total, totalExact = true },
  basePath,
  query = {},
  param = "page",
  hash = "",
  locale = defaultLocale,
  t,
}: {
  list: { page: number; pageSize: number; total: number; totalExact?: boolean };
  basePath: string;
  query?: Record<string, string | undefined>;
  param?: string;
  hash?: string;
  locale?: Locale;
  t: Translate;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    params.set(param, String(p));
    return `${basePath}?${params.toString()}${hash ? `#${hash}` : ""}`;
  };
  return (
    <>
      {totalExact ? null : <p className="mt-3 text-xs text-slate-600">{t("common.pagination.window", { count: formatCount(total, locale) })}</p>}
      <nav aria-label="pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{t(totalExact ? "common.pagination.summary" : "common.pagination.summaryAtLeast", { page, pages, total })}</span>
        <span className="flex gap-2">
          {page > 1 ? (
            <Link className="page-link" href={href(page - 1)} rel="prev">
              {t("common.actions.previous")}
            </Link>
          ) : null}
          {page < pages ? (
            <Link className="page-link" href={href(page + 1)} rel="next">
              {t("common.actions.next")}
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
