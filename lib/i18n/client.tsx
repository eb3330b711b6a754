"use client";

import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./catalog";
import { translator, type Translate } from "./translate";

const LocaleContext = createContext<Locale>("zh-CN");

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The translator of the page's language, for client components. */
export function useT(): { t: Translate; locale: Locale } {
  const locale = useContext(LocaleContext);
  return useMemo(() => ({ t: translator(locale), locale }), [locale]);
}
