import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import { createIntegrationActor } from "../../fixtures";
import type { ActionRows, ActionWorld, Outcome } from "../action-types";
import { applicant, newCompany } from "../sample-inputs";

/** A fresh token the world's admin issued for a filing platform of the world's district (嘉善县), to revoke. */
async function aPartnerToken(world: ActionWorld) {
  const partner = await createIntegrationActor("station", "330421");
  const secret = newTokenSecret();
  const [row] = await db
    .insert(apiTokens)
    .values({ name: "partner", tokenHash: hashToken(secret), prefix: secret.slice(0, 10), userId: partner.userId, createdBy: world.admin.userId })
    .returning({ id: apiTokens.id });
  return row!.id;
}

const everyone = (outcome: Outcome) =>
  ({
    anonymous: outcome,
    enterprise: outcome,
    otherEnterprise: outcome,
    expert: outcome,
    station: outcome,
    admin: outcome,
    otherDistrictAdmin: outcome,
    scopedToken: outcome,
  }) as const;

export const rows: ActionRows = {
  "app/(portal)/inbox/actions.ts": {
    // Only the caller's own notifications are touched (lib/notifications/mark-notifications-read.ts), so everyone signed in may mark theirs.
    markReadAction: {
      permission: "notification.read",
      input: () => ({ id: "all" }),
      expect: { enterprise: "ok", otherEnterprise: "ok", expert: "ok", station: "ok", admin: "ok", otherDistrictAdmin: "ok" },
    },
  },
  "app/(portal)/admin/tokens/actions.ts": {
    // For a filing platform of the world's district: its admins issue and revoke; another district's
    // admin may not issue for it (403) and does not see its tokens (404).
    issueTokenAction: {
      permission: "token.manage",
      input: async () => ({ name: "县政务服务平台", userId: (await createIntegrationActor("station", "330421")).userId }),
      expect: { admin: "ok", otherDistrictAdmin: "forbidden" },
    },
    revokeTokenAction: {
      permission: "token.manage",
      input: async (world) => ({ id: await aPartnerToken(world) }),
      expect: { admin: "ok", otherDistrictAdmin: "not_found" },
    },
  },
  "app/(portal)/account/password/actions.ts": {
    // A wrong current password: every signed-in caller is told so under the field, and nothing changes.
    changePasswordAction: {
      permission: "me.changePassword",
      input: () => ({ currentPassword: "not-the-password-2026", newPassword: "a-brand-new-passphrase" }),
      expect: {
        enterprise: "invalid_input",
        otherEnterprise: "invalid_input",
        expert: "invalid_input",
        station: "invalid_input",
        admin: "invalid_input",
        otherDistrictAdmin: "invalid_input",
      },
    },
  },
  "app/(public)/forgot-password/actions.ts": {
    // The same answer whether or not the e-mail has an account, and whoever asks.
    requestPasswordResetAction: { permission: "public", input: () => ({ email: "nobody@test.example" }), expect: everyone("ok") },
  },
  "app/(public)/register/actions.ts": {
    registerEnterpriseAction: { permission: "public", input: () => ({ ...newCompany(), privacyConsent: "true" }), expect: everyone("ok") },
  },
  "app/(public)/apply/actions.ts": {
    applyAction: { permission: "public", input: () => ({ ...applicant(), privacyConsent: "true" }), expect: everyone("ok") },
  },
  "app/(public)/set-password/actions.ts": {
    // A link that was never issued: whoever calls is told it does not exist, and nothing changes.
    setPasswordAction: {
      permission: "public",
      input: () => ({ token: "no-such-link", password: "long-enough-password", confirm: "long-enough-password" }),
      expect: everyone("not_found"),
    },
  },
};
