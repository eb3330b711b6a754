"use server";

import { z } from "zod";
import { cancelDutySession } from "@/lib/duty/cancel-session";
import { planDutySessions } from "@/lib/duty/plan-sessions";
import { cancelDutySchema, planStationDutySchema } from "@/lib/duty/schemas";
import { action } from "@/lib/http/server-action";

// The rota's actions, for station staff (/rota) and for the admins of the station's district (/admin/stations/[id]/rota).

export const planDutyAction = action({ permission: "duty.plan", input: planStationDutySchema }, ({ actor, input }) =>
  planDutySessions(actor, input.stationId, input),
);

export const cancelDutyAction = action(
  { permission: "duty.plan", input: z.intersection(z.object({ sessionId: z.uuid("errors.notFound") }), cancelDutySchema) },
  ({ actor, input }) => cancelDutySession(actor, input.sessionId, input.reason ?? null),
);
