"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";

const MINUTE = 60_000;

/**
 * Time left until a deadline, refreshed every 20 seconds. Starts from the server's clock so the
 * first render matches the page the server sent.
 */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: number }) {
  const { t } = useT();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return <span className="font-medium text-red-700">{t("routing.offers.expiredNow")}</span>;
  const minutes = Math.floor(left / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const time =
    days > 0
      ? t("routing.countdown.daysHours", { days, hours })
      : minutes >= 60
        ? t("routing.countdown.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
        : t("routing.countdown.minutes", { minutes: Math.max(1, minutes) });
  const tone = left < 2 * 60 * MINUTE ? "text-red-700" : left < 12 * 60 * MINUTE ? "text-amber-700" : "text-slate-700";
  return (
    <span role="timer" className={`font-medium tabular-nums ${tone}`}>
      {t("routing.offers.timeLeft", { time })}
    </span>
  );
}
