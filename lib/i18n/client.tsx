"use client";

import { createContext, useContext, useMemo } from "react";
import type { MessageKey } from "./keys";
import { defaultLocale, type Locale } from "./locales";
import { createTranslator, lookup, type Messages, type Translate } from "./messages";

const I18nContext = createContext<{ locale: Locale; messages: Messages }>({ locale: defaultLocale, messages: {} });

/**
 * Hands client components the page's language and its messages. The layout passes only the active
 * language's namespaces every page needs (pages add theirs with withClientMessages), so no catalogue
 * is bundled into client chunks.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Adds a page's namespaces to the layout's (see withClientMessages). */
export function MoreMessages({ messages, children }: { messages: Messages; children: React.ReactNode }) {
  const parent = useContext(I18nContext);
  const value = useMemo(() => ({ locale: parent.locale, messages: { ...parent.messages, ...messages } }), [parent, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator of the page's language, for client components; `has` tells a key built from data exists. */
export function useT(): { t: Translate; locale: Locale; has: (key: string) => key is MessageKey } {
  const { locale, messages } = useContext(I18nContext);
  return useMemo(
    () => ({ t: createTranslator(locale, messages), locale, has: (key: string): key is MessageKey => lookup(messages, key) !== undefined }),
    [locale, messages],
  );
}
