"use client";

import { LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";

// A client component, translated with the layout's messages: the not-found boundary is part of every
// page's payload, and a client component's place in it is a reference rather than its whole markup.
export default function NotFound() {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <PageTitle subtitle={t("common.notFound.body")}>{t("common.notFound.title")}</PageTitle>
      <LinkButton href="/">{t("common.notFound.home")}</LinkButton>
    </div>
  );
}
