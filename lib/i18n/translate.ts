import { catalogs, type Locale } from "./catalog";
import type { MessageKey } from "./keys";

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogs[locale];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translator for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const text = lookup(locale, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

/** Whether a string is a key of the catalogue (for keys built from data, such as enum codes). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return lookup(locale, key) !== undefined;
}
