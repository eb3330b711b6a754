"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";

/**
 * The consent box of a form that collects personal information: unticked, required, with the notice
 * a click away (in a new tab, so nothing typed is lost). The server refuses the form without it.
 */
export function PrivacyConsent({ purpose, error }: { purpose: "register" | "apply"; error?: string }) {
  const { t } = useT();
  return (
    <div className="space-y-1">
      <label htmlFor="privacyConsent" className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id="privacyConsent"
          type="checkbox"
          name="privacyConsent"
          value="true"
          required
          className="mt-0.5 h-4 w-4 shrink-0"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "privacyConsent-error" : undefined}
        />
        <span>
          {t("privacy.consent.label")}
          <Link href="/privacy" target="_blank" rel="noopener" className="text-brand-700 underline">
            {t("privacy.consent.link")}
          </Link>
          {purpose === "register" ? t("privacy.consent.registerPurpose") : t("privacy.consent.applyPurpose")}
        </span>
      </label>
      {error ? (
        <p id="privacyConsent-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
