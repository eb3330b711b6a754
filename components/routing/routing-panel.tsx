import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";

/**
 * The routing section of a request page (candidates, offers, overrides for admins).
 * Placeholder until the matching work fills it in; renders nothing.
 */
export async function RoutingPanel(_props: { requestId: string; actor: Actor; t: Translate; locale: Locale }) {
  return null;
}
