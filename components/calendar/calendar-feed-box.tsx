"use client";

import { useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

/** The same address for calendar apps: webcal: makes a phone or a Mac offer to subscribe. */
const webcal = (url: string) => url.replace(/^https?:/, "webcal:");

/**
 * "Calendar feed / 日历订阅": one's private .ics link with a copy button, a one-tap subscribe
 * link, how to subscribe on a phone, and a reset (confirmed first) that makes the old link stop working.
 */
export function CalendarFeedBox({ url, owner, resetAction }: { url: string; owner: "expert" | "station"; resetAction: FormAction }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <Card title={t("calendar.box.title")} id="calendar-feed">
      <div className="space-y-4 text-sm">
        <p className="text-slate-700">{owner === "expert" ? t("calendar.box.introExpert") : t("calendar.box.introStation")}</p>
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block font-medium text-slate-800">
            {t("calendar.box.urlLabel")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              ref={input}
              id="calendar-feed-url"
              readOnly
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} font-mono text-xs sm:text-xs`}
            />
            <Button type="button" variant="secondary" onClick={() => void copyLink()} className="shrink-0">
              {copy === "copied" ? t("calendar.box.copied") : t("calendar.box.copy")}
            </Button>
          </div>
          <p role="status" className="text-xs text-slate-600">
            {copy === "failed" ? t("calendar.box.copyFailed") : ""}
          </p>
        </div>
        <a href={webcal(url)} className={buttonClass("primary", "w-full sm:w-auto")}>
          {t("calendar.box.subscribeHere")}
        </a>
        <details className="rounded-md bg-slate-50 p-3">
          <summary className="cursor-pointer font-medium text-brand-700">{t("calendar.box.howTitle")}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            <li>{t("calendar.box.howIphone")}</li>
            <li>{t("calendar.box.howAndroid")}</li>
            <li>{t("calendar.box.howOther")}</li>
          </ul>
        </details>
        <p className="text-slate-600">{t("calendar.box.privateHint")}</p>
        <ActionForm
          action={resetAction}
          submitLabel={t("calendar.box.reset")}
          variant="secondary"
          confirm={t("calendar.box.resetConfirm")}
          success={t("calendar.box.resetDone")}
        />
      </div>
    </Card>
  );
}
