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

const pluralRules = new Map<Locale, Intl.PluralRules>();
const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
const CHOICE = /(\w+) \{([^{}]*)\}/g;

/**
 * `{n, plural, one {# star} other {# stars}}`: the choice for the number's plural category in the
 * locale (falling back to `other`), with `#` standing for the number.
 */
function fillPlurals(locale: Locale, text: string, params: Params): string {
  return text.replace(PLURAL, (whole, name: string, choices: string) => {
    const value = params[name];
    if (typeof value !== "number") return whole;
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const options = new Map(Array.from(choices.matchAll(CHOICE), (m) => [m[1]!, m[2]!] as const));
    const chosen = options.get(rules.select(value)) ?? options.get("other") ?? whole;
    return chosen.replaceAll("#", String(value));
  });
}

/** A translator for one locale; `{name}` placeholders are filled from params (plurals as fillPlurals). */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const text = lookup(locale, key) ?? key;
    if (!params) return text;
    return fillPlurals(locale, text, params).replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
  };
}

/** Whether a string is a key of the catalogue (for keys built from data, such as enum codes). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return lookup(locale, key) !== undefined;
}
