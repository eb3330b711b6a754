import { dutyPeriods, type DutyPeriod } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";

// The rota's notices in words and where they lead (lib/notifications/describe.ts asks here for kinds "duty.*").

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A half-day in words ("上午"), or nothing for a code it does not know. */
export function periodLabel(t: Translate, period: unknown): string {
  return typeof period === "string" && (dutyPeriods as readonly string[]).includes(period) ? t(`rota.period.${period as DutyPeriod}`) : "";
}

/** A rota notice (duty.planned, duty.declined, duty.cancelled): its headline and detail lines. */
export function describeDutyNotification(t: Translate, kind: string, data: Record<string, unknown>): { headline: string; details: string[] } | null {
  const params = {
    station: text(data.stationName),
    expert: text(data.expertName),
    date: text(data.date),
    period: periodLabel(t, data.period),
  };
  const reason = text(data.reason).trim();
  switch (kind) {
    case "duty.planned": {
      const count = typeof data.count === "number" ? data.count : 1;
      const headline =
        count > 1
          ? t("rota.notices.plannedSeries", {
              station: params.station,
              n: count,
              first: text(data.first),
              last: text(data.last),
              period: params.period,
            })
          : t("rota.notices.planned", { station: params.station, date: text(data.first), period: params.period });
      return { headline, details: [t("rota.notices.plannedNext")] };
    }
    case "duty.declined":
      return {
        headline: t("rota.notices.declined", params),
        details: [reason ? t("rota.notices.reason", { reason }) : "", t("rota.notices.declinedNext")].filter(Boolean),
      };
    case "duty.cancelled": {
      const forBooker = data.audience === "booker";
      const details = [reason ? t("rota.notices.reason", { reason }) : ""];
      if (forBooker && typeof data.bookings === "number") details.push(t("rota.notices.bookingsEnded", { n: data.bookings }));
      return { headline: t(forBooker ? "rota.notices.cancelledBooker" : "rota.notices.cancelledExpert", params), details: details.filter(Boolean) };
    }
    default:
      return null;
  }
}

/** Where a rota notice leads: the expert's sessions, the planner's rota, or the station's page for whoever booked. */
export function dutyNotificationPath(kind: string, data: Record<string, unknown>): string | null {
  const stationId = text(data.stationId);
  if (kind === "duty.planned") return "/duty";
  if (kind === "duty.declined") return data.forAdmin === true && stationId ? `/admin/stations/${stationId}/rota` : "/rota";
  if (kind === "duty.cancelled") return data.audience === "booker" ? (stationId ? `/stations/${stationId}` : null) : "/duty";
  return null;
}
