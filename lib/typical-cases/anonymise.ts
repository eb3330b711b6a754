// The anonymisation of a typical case's text. Pure (no database): the draft form runs it as the
// admin types, to show what it finds, and the use cases run it again before anything is stored.

/** What the case knows of the people and companies in it (see loadCaseFacts). */
export interface CaseFacts {
  /** The company (or the person or group) the request was filed for. */
  company: { name: string; creditCodes: string[]; isPerson: boolean };
  /** People known to the case: the company's contact, the person who filed it. */
  people: string[];
  /** The counterparties named on the request and its disputes. */
  counterparties: { name: string; creditCode: string | null }[];
  /** Phone numbers known to the case (any phone number is replaced anyway). */
  phones: string[];
}

export type ReplacementKind = "company" | "counterparty" | "person" | "creditCode" | "phone" | "idNumber";
export type TextLocale = "zh" | "en";

export interface Replacement {
  kind: ReplacementKind;
  /** What was found, as written in the text. */
  found: string;
  placeholder: string;
}

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|商行|工厂|厂|店|合作社|事务所)$/;
const ORGANISATION = /(公司|集团|厂|店|商行|合作社|事务所|中心|协会|学校|医院|银行|局|委员会|村|社区|co\.|ltd|inc|company|limited)/i;
const CJK = /^[\u4e00-\u9fff]+$/;
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const LETTERS = "ABCDEFGHIJ";

/** A mobile number, or a landline with its area code. */
const PHONE = /(?<!\d)(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)/g;
/** A 居民身份证号 (18 characters, the last a digit or X), whole or masked with asterisks. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{6}(?:\d{8}|\*{8})\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Whether a counterparty's name is a person's (no mark of an organisation, a short Chinese name). */
export function isPersonName(name: string): boolean {
  const trimmed = name.trim();
  if (ORGANISATION.test(trimmed)) return false;
  return CJK.test(trimmed) ? trimmed.length >= 2 && trimmed.length <= 4 : /^[A-Za-z][A-Za-z .'-]{1,40}$/.test(trimmed);
}

/** The ways a company's name is written: whole, without its legal form, without its place, its trade name. */
export function companyNameVariants(name: string): string[] {
  const whole = name.trim();
  const variants = new Set<string>([whole]);
  const core = whole.replace(/[\s()（）]/g, "").replace(LEGAL_SUFFIX, "");
  if (core.length >= 2 && core !== whole) variants.add(core);
  if (CJK.test(core) && core.length >= 5) {
    // A Chinese company name is place + trade name + industry (嘉善 + 恒达 + 纺织): drop the place,
    // then the industry; a two-character trade name is distinctive enough to be replaced.
    const withoutPlace = core.slice(2);
    variants.add(withoutPlace);
    if (withoutPlace.length >= 4) variants.add(withoutPlace.slice(0, 2));
  }
  return [...variants].filter((v) => v.length >= 2);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern matching the text as written with any spacing or brackets between its characters. */
function loosePattern(text: string): string {
  return [...text.replace(/[\s()（）]/g, "")].map(escape).join("[\\s()（）]*");
}

interface Target {
  kind: ReplacementKind;
  variants: string[];
  placeholder: Record<TextLocale, string>;
}

/**
 * Who is replaced, and by what. Without the company's consent the company and every company among
 * the counterparties become 某公司 ("a company"), or 某甲公司, 某乙公司… when there are several; its
 * credit codes go too. People are always replaced (王某 / "Person A"), whatever the consent: the
 * company consents for itself, never for the people in the case or for the other side.
 */
export function targetsOf(facts: CaseFacts, companyConsent: boolean): Target[] {
  const companies: { variants: string[]; codes: string[] }[] = [];
  const people = new Set<string>(facts.people.map((p) => p.trim()).filter((p) => p.length >= 2));
  if (facts.company.isPerson) people.add(facts.company.name.trim());
  else if (!companyConsent) companies.push({ variants: companyNameVariants(facts.company.name), codes: facts.company.creditCodes });
  for (const c of facts.counterparties) {
    if (isPersonName(c.name)) people.add(c.name.trim());
    else companies.push({ variants: companyNameVariants(c.name), codes: c.creditCode ? [c.creditCode] : [] });
  }
  const several = companies.length > 1;
  const targets: Target[] = companies.flatMap((c, i) => {
    const placeholder = several
      ? { zh: `某${STEMS[i % STEMS.length]}公司`, en: `Company ${LETTERS[i % LETTERS.length]}` }
      : { zh: "某公司", en: "a company" };
    const kind: ReplacementKind = i === 0 && !facts.company.isPerson && !companyConsent ? "company" : "counterparty";
    return [
      { kind, variants: c.variants, placeholder },
      ...(c.codes.length ? [{ kind: "creditCode" as const, variants: c.codes, placeholder }] : []),
    ];
  });
  [...people].forEach((name, i) => {
    const placeholder = { zh: CJK.test(name) ? `${name[0]}某` : "某某", en: `Person ${LETTERS[i % LETTERS.length]}` };
    targets.push({ kind: "person", variants: [name], placeholder });
  });
  return targets;
}

/**
 * Replaces in `text` what the case knows (see targetsOf), every phone number and every ID number.
 * Returns the text as it would be published and what was replaced, each finding once.
 */
export function anonymise(text: string, facts: CaseFacts, companyConsent: boolean, locale: TextLocale) {
  const replaced: Replacement[] = [];
  const note = (r: Replacement) => {
    if (!replaced.some((x) => x.found === r.found && x.kind === r.kind)) replaced.push(r);
  };
  const phonePlaceholder = locale === "zh" ? "（电话已隐去）" : "(phone withheld)";
  const idPlaceholder = locale === "zh" ? "（身份证号已隐去）" : "(ID number withheld)";
  let out = text.replace(ID_NUMBER, (found) => {
    note({ kind: "idNumber", found, placeholder: idPlaceholder });
    return idPlaceholder;
  });
  const phones = facts.phones.map((p) => p.replace(/\D/g, "")).filter((p) => p.length >= 7);
  for (const pattern of [PHONE, ...phones.map((p) => new RegExp(`(?<!\\d)${[...p].join("[-\\s]?")}(?!\\d)`, "g"))]) {
    out = out.replace(pattern, (found) => {
      note({ kind: "phone", found, placeholder: phonePlaceholder });
      return phonePlaceholder;
    });
  }
  // The longest variants first, so that a whole name is replaced before the trade name within it.
  const entries = targetsOf(facts, companyConsent)
    .flatMap((t) => t.variants.map((v) => ({ variant: v, target: t })))
    .sort((a, b) => b.variant.length - a.variant.length);
  for (const { variant, target } of entries) {
    const pattern = new RegExp(loosePattern(variant), "gi");
    const placeholder = target.placeholder[locale];
    out = out.replace(pattern, (found) => {
      note({ kind: target.kind, found, placeholder });
      return placeholder;
    });
  }
  return { text: out, replaced };
}

/**
 * The known names (and phone or ID numbers) still in `text`, as the publishing check sees it: what
 * anonymise would replace. Empty when the text may be published.
 */
export function remainingNames(text: string, facts: CaseFacts, companyConsent: boolean, locale: TextLocale): string[] {
  return anonymise(text, facts, companyConsent, locale).replaced.map((r) => r.found);
}

/** The four texts of a typical case. */
export interface CaseTexts {
  titleZh: string;
  titleEn?: string | null;
  storyZh: string;
  storyEn?: string | null;
}

const FIELDS = [
  ["titleZh", "zh"],
  ["titleEn", "en"],
  ["storyZh", "zh"],
  ["storyEn", "en"],
] as const;

/**
 * The four texts anonymised, and what was replaced in each (the "anonymisation check"). Both
 * languages are checked, each with its own placeholders.
 */
export function anonymiseCase(texts: CaseTexts, facts: CaseFacts, companyConsent: boolean) {
  const out = { titleZh: "", titleEn: null as string | null, storyZh: "", storyEn: null as string | null };
  const replaced: (Replacement & { field: keyof CaseTexts })[] = [];
  for (const [field, locale] of FIELDS) {
    const value = texts[field];
    if (!value) continue;
    const result = anonymise(value, facts, companyConsent, locale);
    out[field] = result.text;
    replaced.push(...result.replaced.map((r) => ({ ...r, field })));
  }
  return { texts: out, replaced };
}

/** The fields of a typical case in which a known name (or a phone or ID number) still appears, with what remains. */
export function namesRemaining(texts: CaseTexts, facts: CaseFacts, companyConsent: boolean): Partial<Record<keyof CaseTexts, string[]>> {
  const found: Partial<Record<keyof CaseTexts, string[]>> = {};
  for (const [field, locale] of FIELDS) {
    const value = texts[field];
    const names = value ? remainingNames(value, facts, companyConsent, locale) : [];
    if (names.length) found[field] = names;
  }
  return found;
}
