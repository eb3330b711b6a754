import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { enums as enEnums } from "./en/enums";
import { errors as enErrors } from "./en/errors";
import { home as enHome } from "./en/home";
import { tokens as enTokens } from "./en/tokens";
import type { Shape } from "./shape";
import { auth } from "./zh-CN/auth";
import { common } from "./zh-CN/common";
import { enums } from "./zh-CN/enums";
import { errors } from "./zh-CN/errors";
import { home } from "./zh-CN/home";
import { tokens } from "./zh-CN/tokens";

// One file per domain and language; a domain adds its pair here.
export const zhCN = { common, errors, enums, auth, home, tokens };
export type Catalog = Shape<typeof zhCN>;
export const en: Catalog = { common: enCommon, errors: enErrors, enums: enEnums, auth: enAuth, home: enHome, tokens: enTokens };

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
/** The cookie the language switch sets. */
export const LOCALE_COOKIE = "locale";
export const catalogs: Record<Locale, Catalog> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
