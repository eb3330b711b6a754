import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";

/**
 * The disputes and recovery-ledger section of a request page.
 * Placeholder until the disputes work fills it in; renders nothing.
 */
export async function DisputesPanel(_props: { requestId: string; actor: Actor; t: Translate; locale: Locale }) {
  return null;
}
