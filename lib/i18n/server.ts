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

/**
 * The namespaces client components translate with (catalog.test.ts checks every key they use is
 * in one). Home, notifications and reports are rendered on the server only.
 */
export const clientNamespaces = ["common", "errors", "enums", "auth", "tokens", "requests", "disputes", "roster", "routing"] as const;

/** What the layout hands to I18nProvider: the active language's client namespaces, nothing else. */
export function clientMessages(locale: Locale): Pick<Catalog, (typeof clientNamespaces)[number]> {
  const catalog = catalogs[locale];
  return Object.fromEntries(clientNamespaces.map((name) => [name, catalog[name]])) as Pick<Catalog, (typeof clientNamespaces)[number]>;
}
