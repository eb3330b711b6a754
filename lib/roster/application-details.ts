import { vettingChecks, type VettingCheck } from "@/lib/enums";

/** What an application asks for: to join the roster, or to change a vetted field (name, licence). */
export type ApplicationDetails =
  | { kind: "join"; references: string; statement: string; specialties?: string[]; regions?: string[] }
  | { kind: "change"; changes: ProfileChanges; previous: ProfileChanges; note?: string };

export interface ProfileChanges {
  name?: string;
  licenseNumber?: string;
}

/** Reads the stored jsonb defensively (older rows, imported rows): anything without a kind is a join. */
export function readApplicationDetails(raw: unknown): ApplicationDetails {
  const value = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const changes = (v: unknown): ProfileChanges => {
    const c = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
    return {
      ...(typeof c.name === "string" ? { name: c.name } : {}),
      ...(typeof c.licenseNumber === "string" ? { licenseNumber: c.licenseNumber } : {}),
    };
  };
  if (value.kind === "change")
    return { kind: "change", changes: changes(value.changes), previous: changes(value.previous), note: text(value.note) || undefined };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);
  return {
    kind: "join",
    references: text(value.references),
    statement: text(value.statement),
    specialties: list(value.specialties),
    regions: list(value.regions),
  };
}

/**
 * The checklist items an approval needs: everything for a new expert; for a change of name or
 * licence number, that the (new) licence was verified.
 */
export function requiredChecks(details: ApplicationDetails): readonly VettingCheck[] {
  return details.kind === "join" ? vettingChecks : ["licence_verified"];
}

/** The profile fields an expert edits that a vetting check looks at. */
export type VettedField = "name" | "licenseNumber" | "yearsOfPractice" | "organization";

const fieldsCheckedBy: Record<VettingCheck, readonly VettedField[]> = {
  licence_verified: ["name", "licenseNumber"],
  practice_years_confirmed: ["yearsOfPractice", "organization"],
  discipline_checked: ["name", "licenseNumber"],
  references_contacted: [],
};

/**
 * The fields that must stay as they are while this application waits: those its checklist looks
 * at, so nothing changes under a tick already given. A change application's own fields (name,
 * licence) are its subject, not frozen: saving the same change again is allowed.
 */
export function fieldsFrozenBy(details: ApplicationDetails): VettedField[] {
  const fields = new Set(requiredChecks(details).flatMap((check) => fieldsCheckedBy[check]));
  if (details.kind === "change") for (const own of ["name", "licenseNumber"] as const) fields.delete(own);
  return [...fields];
}
