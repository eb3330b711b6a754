import Link from "next/link";
import { typicalCaseStatusLabel } from "@/components/typical-cases/figures";
import { allows, type Actor } from "@/lib/authz";
import type { Translate } from "@/lib/i18n/translate";
import { liveTypicalCaseOf } from "@/lib/typical-cases/queries";

/** On a closed case's page, for an admin: draft a typical case from it, or open the one it has. */
export async function TypicalCaseOnCase({ actor, request, t }: { actor: Actor; request: { id: string; status: string }; t: Translate }) {
  if (request.status !== "closed" || !allows(actor, "typicalCase.manage")) return null;
  const live = await liveTypicalCaseOf(actor, request.id);
  return live ? (
    <Link href={`/admin/typical-cases/${live.id}`} className="text-brand-700 hover:underline">
      {t("typicalCases.onCase.open", { status: typicalCaseStatusLabel(t, live.status) })}
    </Link>
  ) : (
    <Link href={`/admin/typical-cases/new?requestId=${request.id}`} className="font-medium text-brand-700 hover:underline">
      {t("typicalCases.onCase.draft")}
    </Link>
  );
}
