import type { Locale } from "@/lib/i18n/catalog";

/** A short list as each language writes it: "嘉善县、青浦区" / "Jiashan County, Qingpu District". */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(locale === "en" ? ", " : "、");
}
