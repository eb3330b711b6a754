"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { useT } from "@/lib/i18n/client";

const labels: Record<Locale, string> = { "zh-CN": "简体中文", en: "English" };

/** Switches the language for the whole site (a cookie read by the server) and re-renders. */
export function LanguageSwitch() {
  const { t, locale } = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("common.language")}</span>
      <select
        aria-label={t("common.language")}
        className="rounded-md border border-white/30 bg-brand-800 px-2 py-1 text-white"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          startTransition(() => router.refresh());
        }}
      >
        {(Object.keys(labels) as Locale[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {labels[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
