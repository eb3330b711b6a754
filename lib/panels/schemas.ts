import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

// zod schemas of joint consultations (会诊), shared by the API, the server actions and the forms.

/** The most live (invited or accepted) members a panel has besides its lead. */
export const MAX_PANEL_MEMBERS = 6;

/** The longest text the invite form searches names for. */
export const INVITE_SEARCH_MAX = 40;

/** The case page's `invite` parameter: the name searched for, trimmed and cut short; anything else is no search. */
export const inviteSearchParam = z
  .string()
  .transform((text) => text.trim().slice(0, INVITE_SEARCH_MAX))
  .catch("");

export const invitePanelMemberSchema = z.object({ expertId: z.uuid({ error: "panels.errors.chooseExpert" }) });
export type InvitePanelMemberInput = z.infer<typeof invitePanelMemberSchema>;

/** The invited expert's optional reason for declining. */
export const declinePanelSchema = z.object({ reason: optionalText(500) });

/** The lead's or an admin's optional reason for taking a member off the panel. */
export const removePanelMemberSchema = z.object({ memberId: z.uuid(), reason: optionalText(500) });
/** POST /api/v1/panel-members/{id}/remove: the member is the path's. */
export const removePanelMemberBodySchema = removePanelMemberSchema.omit({ memberId: true });

export const caseNoteSchema = z.object({ body: requiredText(5000) });

/** Tolerates one id or none from a checkbox group (FormData sends a lone value as a string). */
const idList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid()).max(50),
);

/** The panel's opinion (会诊意见) and the accepted members who agreed (the lead counts as agreeing). */
export const panelOpinionSchema = z.object({ body: requiredText(10000), agreedExpertIds: idList });
export type PanelOpinionInput = z.infer<typeof panelOpinionSchema>;
