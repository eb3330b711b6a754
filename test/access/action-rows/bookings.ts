import { db } from "@/db";
import { dutyBookings } from "@/db/schema";
import { todayInShanghai } from "@/lib/clock";
import { bookConsultation } from "@/lib/duty/bookings/book-consultation";
import { addDays } from "@/lib/roster/term";
import { createDutySession } from "@/test/duty-session";
import type { ActionRows, ActionWorld } from "../action-types";

// Duty days (约诊): fresh sessions at world.station's station (嘉善县) for each call.

let serial = 0;
const aPhone = () => `1340000${String((serial += 1)).padStart(4, "0")}`;
const aConsultation = () => ({ topic: "员工加班费争议", contactName: "周女士", contactPhone: aPhone() });

/** A session of world.station's a week ahead, or on the day; `expertId` days back, so one expert is never twice at one time. */
async function aSession(world: ActionWorld, day: "ahead" | "today" | "past", expertId?: string) {
  const date = day === "ahead" ? addDays(todayInShanghai(), 7) : day === "today" ? todayInShanghai() : addDays(todayInShanghai(), -(serial += 1));
  return createDutySession({ stationId: world.station.stationId!, expertId, date });
}

async function aBooking(world: ActionWorld, day: "ahead" | "today") {
  const session = await aSession(world, day);
  return (await bookConsultation(world.station, session.id, aConsultation())).id;
}

const onTheDay = (world: ActionWorld) => aBooking(world, "today");

export const rows: ActionRows = {
  "app/(public)/stations/[id]/actions.ts": {
    bookAction: {
      permission: "duty.book",
      input: async (world) => ({ sessionId: (await aSession(world, "ahead")).id, ...aConsultation() }),
      expect: { enterprise: "ok", otherEnterprise: "ok", station: "ok" },
    },
  },
  "app/(portal)/bookings/actions.ts": {
    cancelBookingAction: {
      permission: "duty.book",
      // Booked by world.station's staff for a caller: they cancel it; a company does not see it.
      input: async (world) => ({ bookingId: await aBooking(world, "ahead") }),
      expect: { enterprise: "not_found", otherEnterprise: "not_found", station: "ok" },
    },
  },
  "app/(portal)/duty/today/actions.ts": {
    markAttendedAction: { permission: "duty.attend", input: async (world) => ({ bookingId: await onTheDay(world) }), expect: { station: "ok" } },
    markNoShowAction: { permission: "duty.attend", input: async (world) => ({ bookingId: await onTheDay(world) }), expect: { station: "ok" } },
    markSessionHeldAction: {
      permission: "duty.attend",
      input: async (world) => ({ sessionId: (await aSession(world, "today")).id }),
      expect: { station: "ok" },
    },
    requestFromBookingAction: {
      permission: "duty.attend",
      input: async (world) => ({ bookingId: await onTheDay(world), title: "", category: "labor", description: "" }),
      expect: { station: "ok" },
    },
  },
  "app/(portal)/duty/consultations/actions.ts": {
    recordAdviceAction: {
      permission: "duty.answer",
      // A consultation of world.expert's on a past day (each call another day), booked as it was then.
      input: async (world) => {
        const session = await aSession(world, "past", world.expert.expertId!);
        const [booking] = await db
          .insert(dutyBookings)
          .values({ sessionId: session.id, bookedBy: world.station.userId, ...aConsultation() })
          .returning({ id: dutyBookings.id });
        return { bookingId: booking!.id, note: "建议保留考勤记录，先与公司协商。" };
      },
      expect: { expert: "ok" },
    },
  },
};
