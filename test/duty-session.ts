import { db } from "@/db";
import { dutyExpertHalves, dutySessions, stations } from "@/db/schema";
import type { DutyPeriod, DutySessionStatus } from "@/lib/enums";
import { createAdminActor, createExpertActor } from "./fixtures";

// Duty sessions for the database tests, inserted as planning would leave them (without planning's rules).

export interface DutySessionOptions {
  /** The station; a fresh one in 罗星街道 (330421002) when left out. */
  stationId?: string;
  /** The expert; a fresh active expert when left out. */
  expertId?: string;
  /** Who planned it (a user id); a fresh unscoped admin when left out. */
  plannedBy?: string;
  /** YYYY-MM-DD. */
  date: string;
  period?: DutyPeriod;
  slots?: number;
  status?: DutySessionStatus;
}

export interface CreatedDutySession {
  id: string;
  stationId: string;
  expertId: string;
  date: string;
  period: DutyPeriod;
  slots: number;
}

let serial = 0;

/**
 * Inserts a duty session (default: a confirmed morning of 3 slots) and, while it is live (planned,
 * confirmed or held), the expert's half-days it occupies, as planning does. The same expert twice
 * at one time fails on duty_expert_halves' primary key, as it would in planning.
 */
export async function createDutySession(options: DutySessionOptions): Promise<CreatedDutySession> {
  const stationId =
    options.stationId ??
    (
      await db
        .insert(stations)
        .values({ name: `坐诊测试服务站${(serial += 1)}`, regionCode: "330421002", address: "嘉善县罗星街道亭桥北路 1 号" })
        .returning({ id: stations.id })
    )[0]!.id;
  const expertId = options.expertId ?? (await createExpertActor({ serviceModes: ["onsite", "booked"] })).expertId!;
  const plannedBy = options.plannedBy ?? (await createAdminActor()).userId;
  const period = options.period ?? "am";
  const slots = options.slots ?? 3;
  const status = options.status ?? "confirmed";
  const [session] = await db
    .insert(dutySessions)
    .values({ stationId, expertId, plannedBy, date: options.date, period, slots, status, heldAt: status === "held" ? new Date() : null })
    .returning({ id: dutySessions.id });
  if (status === "planned" || status === "confirmed" || status === "held") {
    const halves = period === "day" ? ["am", "pm"] : [period];
    await db.insert(dutyExpertHalves).values(halves.map((half) => ({ expertId, date: options.date, half, sessionId: session!.id })));
  }
  return { id: session!.id, stationId, expertId, date: options.date, period, slots };
}
