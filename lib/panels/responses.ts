import { z } from "zod";
import { panelMemberStatuses } from "@/lib/enums";
import { id } from "@/lib/http/wire";

// The answers of the panel routes, as they are on the wire.

/** POST /api/v1/requests/{id}/panel. */
export const panelInvitedResponse = z.strictObject({ memberId: id, status: z.literal("invited") });

/** POST /api/v1/panel-members/{id}/accept · /decline · /remove. */
export const panelAnswerResponse = z.strictObject({ memberId: id, status: z.enum(panelMemberStatuses) });
