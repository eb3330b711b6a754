import type { z } from "zod";
import { clearStoredDraft, loadStoredDraft, saveStoredDraft } from "@/components/ui/local-draft";
import { requestCategories, type PartyKind, type ReferralBodyKind, type RequestCategory, type ServiceMode, type Urgency } from "@/lib/enums";
import { fenToYuanString } from "@/lib/money";
import type { RequestDetail } from "@/lib/requests/queries";
import type { fileRequestFormSchema } from "@/lib/requests/schemas";
import { languageCodes } from "@/lib/roster/languages";

export interface CounterpartyDraft {
  name: string;
  creditCode: string;
}

/** Everything the filing form holds, as typed (strings), so it can be kept in localStorage. */
export interface RequestDraft {
  /** `idNumber` (a person's) is never written to localStorage (see saveDraft). */
  enterprise: { name: string; creditCode: string; contactName: string; contactPhone: string; kind: PartyKind; idNumber: string };
  /** An admin's filing: a hotline call, or a case referred by a government body (with its referring body). */
  channel: "hotline" | "referral";
  referredBy: { body: string; kind: ReferralBodyKind | ""; contactName: string; contactPhone: string; reference: string };
  category: RequestCategory | "";
  title: string;
  description: string;
  amountYuan: string;
  urgency: Urgency;
  counterparties: CounterpartyDraft[];
  regionCode: string;
  specialties: string[];
  language: string;
  serviceMode: ServiceMode | "";
  preferredExpertId: string;
  /** Made once per draft: a reload or a double click submits the same key, so the request is filed once. */
  idempotencyKey: string;
  note: string;
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Plain-HTTP pages have no randomUUID; getRandomValues is always there.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function emptyDraft(preferredExpertId = ""): RequestDraft {
  return {
    enterprise: { name: "", creditCode: "", contactName: "", contactPhone: "", kind: "company", idNumber: "" },
    channel: "hotline",
    referredBy: { body: "", kind: "", contactName: "", contactPhone: "", reference: "" },
    category: "",
    title: "",
    description: "",
    amountYuan: "",
    urgency: "normal",
    counterparties: [{ name: "", creditCode: "" }],
    regionCode: "",
    specialties: [],
    language: "",
    serviceMode: "",
    preferredExpertId,
    idempotencyKey: newIdempotencyKey(),
    note: "",
  };
}

/** What an amendment starts from: the request as filed. */
export type FiledRequestFields = Pick<
  RequestDetail,
  "id" | "category" | "title" | "description" | "amountAtStakeFen" | "urgency" | "regionCode" | "language" | "serviceMode" | "preferredExpertId"
> & { counterparties: { name: string; creditCode: string | null }[]; specialties: { code: string }[] };

/** The draft of an amendment: the request as filed, in the form's terms (blank where nothing was chosen). */
export function draftFromRequest(request: FiledRequestFields): RequestDraft {
  const empty = emptyDraft(request.preferredExpertId ?? "");
  return {
    ...empty,
    category: request.category,
    title: request.title,
    description: request.description,
    amountYuan: request.amountAtStakeFen > 0n ? fenToYuanString(request.amountAtStakeFen) : "",
    urgency: request.urgency,
    counterparties: request.counterparties.length
      ? request.counterparties.map((c) => ({ name: c.name, creditCode: c.creditCode ?? "" }))
      : empty.counterparties,
    regionCode: request.regionCode,
    specialties: request.specialties.map((s) => s.code),
    language: request.language ?? "",
    serviceMode: request.serviceMode ?? "",
    idempotencyKey: `amend-${request.id}`,
  };
}

/** A stored draft, if there is a usable one (older or foreign shapes are ignored). */
export function loadDraft(key: string): { draft: RequestDraft; step: number } | null {
  const parsed = loadStoredDraft(key) as { draft?: Partial<RequestDraft>; step?: number } | null;
  if (!parsed || !parsed.draft || typeof parsed.draft !== "object") return null;
  const base = emptyDraft();
  const draft = {
    ...base,
    ...parsed.draft,
    enterprise: { ...base.enterprise, ...parsed.draft.enterprise },
    referredBy: { ...base.referredBy, ...parsed.draft.referredBy },
  };
  if (!Array.isArray(draft.counterparties) || !draft.counterparties.length) draft.counterparties = base.counterparties;
  if (!Array.isArray(draft.specialties)) draft.specialties = [];
  return { draft, step: typeof parsed.step === "number" ? parsed.step : 0 };
}

export function saveDraft(key: string, draft: RequestDraft, step: number): void {
  // A person's ID number stays in memory only: the browser's storage is no place for it.
  saveStoredDraft(key, { draft: { ...draft, enterprise: { ...draft.enterprise, idNumber: "" } }, step });
}

export { clearStoredDraft as clearDraft };

/**
 * What the server action receives: blank counterparty rows dropped, the caller only when filing
 * for one (a station's walk-in, a hotline call), and (`hotline`: an admin's filing) the channel,
 * with the referring body for a referral. A person has no credit code, a company no ID number.
 */
export function draftPayload(draft: RequestDraft, forCaller: boolean, hotline = false) {
  const { enterprise, note: _note, channel, referredBy, ...rest } = draft;
  const party = {
    ...enterprise,
    creditCode: enterprise.kind === "company" ? enterprise.creditCode : "",
    idNumber: enterprise.kind === "person" ? enterprise.idNumber : "",
  };
  return {
    ...rest,
    counterparties: draft.counterparties.filter((c) => c.name.trim() || c.creditCode.trim()),
    ...(forCaller ? { enterprise: hotline ? party : { ...party, kind: undefined, idNumber: undefined } } : {}),
    ...(hotline ? { channel, ...(channel === "referral" ? { referredBy } : {}) } : {}),
  };
}

/** What the filing action takes. */
export type FilingInput = z.input<typeof fileRequestFormSchema>;

/**
 * The filing action's input from a draft that has passed the schema, its choices narrowed to their
 * values; null while the category is unchosen or the language is not one the schema takes.
 */
export function filingInput(draft: RequestDraft, forCaller: boolean, hotline = false): FilingInput | null {
  const payload = draftPayload(draft, forCaller, hotline);
  const category = requestCategories.find((c) => c === payload.category);
  const language = languageCodes.find((code) => code === payload.language);
  if (!category || (payload.language && !language)) return null;
  return { ...payload, category, language };
}
