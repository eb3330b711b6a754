import "server-only";
import { cookies } from "next/headers";
import { catalogs, defaultLocale, isLocale, LOCALE_COOKIE, type Catalog, type Locale } from "./catalog";
import { translator, type Translate } from "./translate";

/** The visitor's language: the one chosen with the switch (a cookie), else Simplified Chinese. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export async function getT(): Promise<{ t: Translate; locale: Locale }> {
  const locale = await getLocale();
  return { t: translator(locale), locale };
}

export type Namespace = keyof Catalog;

/** The active language's messages of these namespaces, for client components (nothing else goes to the browser). */
export function clientMessages(locale: Locale, namespaces: readonly Namespace[]): Partial<Catalog> {
  const catalog = catalogs[locale];
  return Object.fromEntries(namespaces.map((name) => [name, catalog[name]]));
}
