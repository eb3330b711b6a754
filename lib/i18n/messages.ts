import type { MessageKey } from "./keys";
import type { Locale } from "./locales";

// The translator itself, over whatever messages it is handed: the whole catalogue on the server,
// the active language's client namespaces in the browser. It imports no catalogue, so client code
// that uses it bundles none.

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** A translator and the test of whether a key exists: the server's whole catalogue, or a page's messages in the browser. */
export interface MessageSource {
  t: Translate;
  has: (key: string) => key is MessageKey;
}
/** A catalogue or part of one: namespaces of nested messages. */
export type Messages = { readonly [name: string]: string | Messages };

export function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
const CHOICE = /(\w+) \{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

/** The plural forms of a message: each counted name with its choices (`one`, `other`, …) in order. */
export function pluralForms(text: string): { name: string; choices: Map<string, string> }[] {
  return Array.from(text.matchAll(PLURAL), (m) => ({
    name: m[1]!,
    choices: new Map(Array.from(m[2]!.matchAll(CHOICE), (c) => [c[1]!, c[2]!] as const)),
  }));
}

/** Every name a message fills in: its `{name}` placeholders and its counted names (choices hold only `#`). */
export function placeholderNames(text: string): Set<string> {
  const names = new Set(pluralForms(text).map((p) => p.name));
  for (const m of text.replace(PLURAL, "").matchAll(PLACEHOLDER)) names.add(m[1]!);
  return names;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function rulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/**
 * `{n, plural, one {# star} other {# stars}}`: the choice for the number's plural category in the
 * locale (falling back to `other`), with `#` standing for the number.
 */
function fillPlurals(locale: Locale, text: string, params: Params): string {
  return text.replace(PLURAL, (whole, name: string, choices: string) => {
    const value = params[name];
    if (typeof value !== "number") return whole;
    const options = new Map(Array.from(choices.matchAll(CHOICE), (m) => [m[1]!, m[2]!] as const));
    const chosen = options.get(rulesOf(locale).select(value)) ?? options.get("other") ?? whole;
    return chosen.replaceAll("#", String(value));
  });
}

/** A translator over these messages; `{name}` placeholders are filled from params (plurals as fillPlurals). */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  return (key, params) => {
    const text = lookup(messages, key) ?? key;
    if (!params) return text;
    return fillPlurals(locale, text, params).replace(PLACEHOLDER, (m, name: string) => String(params[name] ?? m));
  };
}
