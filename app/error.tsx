"use client";

import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold">{t("common.errorPage.title")}</h1>
      <p className="mt-2 text-slate-600">{t("common.errorPage.body")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("common.errorPage.retry")}
      </Button>
    </div>
  );
}
