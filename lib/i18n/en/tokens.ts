import type { Shape } from "../shape";
import type { tokens as zh } from "../zh-CN/tokens";

export const tokens: Shape<typeof zh> = {
  title: "API tokens",
  intro:
    "Issue access tokens to partner systems (government service platforms, the 12348 legal service network). A token is shown once, when issued; only its digest is kept. Revoke it at any time.",
  name: "Purpose",
  nameHint: "For example: county service platform integration",
  userEmail: "Acts as account (e-mail; empty for yourself)",
  scopes: "Limited to (none ticked: everything the account may do)",
  expiresInDays: "Valid for days (empty: no expiry)",
  issue: "Issue token",
  issuing: "Issuing…",
  issued: "Token issued. Copy it now: it cannot be shown again after you leave this page:",
  copy: "Copy",
  copied: "Copied",
  list: "Issued tokens",
  empty: "No tokens issued yet.",
  columns: { account: "Account", scopes: "Scope", created: "Issued", lastUsed: "Last used" },
  allScopes: "All",
  never: "Never",
  active: "Active",
  revoked: "Revoked",
  expired: "Expired",
  revoke: "Revoke",
  revokeConfirm: "Systems using this token lose access at once. Revoke “{name}”?",
  unknownAccount: "There is no such account.",
};
