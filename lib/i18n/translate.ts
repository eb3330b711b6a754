import { catalogs, type Locale } from "./catalog";
import type { MessageKey } from "./keys";
import { createTranslator, lookup } from "./messages";

import type { MessageSource } from "./messages";

export type { Params, Translate } from "./messages";

/** A translator for one locale over its whole catalogue (server code; client code uses useT). */
export function translator(locale: Locale) {
  return createTranslator(locale, catalogs[locale]);
}

/** Whether a string is a key of the catalogue (for keys built from data, such as enum codes). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return lookup(catalogs[locale], key) !== undefined;
}

/** The whole catalogue of one locale as a message source (server code; client code gets one from useT). */
export function messageSource(locale: Locale): MessageSource {
  return { t: translator(locale), has: (key: string): key is MessageKey => hasMessage(locale, key) };
}
