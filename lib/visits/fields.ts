// Plain constants of the visit forms, free of zod: the browser imports these without the schema library.

/** The quick choices of a visit's purpose offered by the form (the purpose itself is free text). */
export const visitPurposes = ["checkup", "contracts", "labor", "risk", "followUp"] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/** The most findings one visit records. */
export const MAX_FINDINGS = 30;
