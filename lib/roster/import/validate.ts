import { serviceModes, type ServiceMode } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { catalogs } from "@/lib/i18n/catalog";
import type { MessageKey } from "@/lib/i18n/keys";
import { emailField, phoneField } from "@/lib/validation";
import { languageCodes, type LanguageCode } from "../languages";
import { licenceProblem, normalizeLicenceNumber } from "../licence";
import { termEndFor } from "../term";
import { importColumns, mapHeaders, splitList, type ImportColumnKey } from "./columns";
import type { ImportTable } from "./read-file";

export interface RowProblem {
  column: ImportColumnKey | null;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface ImportRowInput {
  name: string;
  licenseNumber: string;
  email: string;
  phone: string | null;
  title: string;
  organization: string;
  homeRegionCode: string;
  regions: string[];
  specialties: string[];
  languages: LanguageCode[];
  serviceModes: ServiceMode[];
  yearsOfPractice: number;
  capacity: number;
  bio: string;
  termStart: string;
  termEnd: string;
}

export interface ValidatedRow {
  line: number;
  cells: string[];
  values: Partial<Record<ImportColumnKey, string>>;
  input: ImportRowInput | null;
  problems: RowProblem[];
  /** Its licence number is on the roster already (the file imported before): nothing to import, nothing wrong. */
  present: boolean;
}

/** What the validation needs from the database, looked up once per file. */
export interface ImportReference {
  /** Folded code, Chinese or English name -> specialty code. */
  specialtyByAlias: Map<string, string>;
  /** Folded code or name -> region code; null when a name is ambiguous (two towns of one name). */
  regionByAlias: Map<string, string | null>;
  licencesOnRoster: Set<string>;
  emailsTaken: Set<string>;
}

export const foldValue = (value: string) => value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

function enumAliases<C extends string>(codes: readonly C[], labels: (locale: "zh-CN" | "en") => Record<C, string>): Map<string, C> {
  const map = new Map<string, C>();
  for (const code of codes) {
    map.set(foldValue(code), code);
    for (const locale of ["zh-CN", "en"] as const) {
      const label = labels(locale)[code];
      map.set(foldValue(label), code);
      // "吴语（嘉善话）" is also typed as "吴语" or "嘉善话".
      for (const part of label.normalize("NFKC").split(/[()]/)) if (part.trim()) map.set(foldValue(part), code);
    }
  }
  return map;
}
const languageByAlias = enumAliases(languageCodes, (l) => catalogs[l].enums.language);
const modeByAlias = enumAliases(serviceModes, (l) => catalogs[l].enums.serviceMode);

function parseDate(value: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

function parseInteger(value: string, min: number, max: number, fallback: number): number | null {
  if (!value) return fallback;
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** Throws when the header row lacks a required column; returns the column of each position. */
export function requireColumns(headers: string[]): (ImportColumnKey | null)[] {
  const mapped = mapHeaders(headers);
  // Named as the Chinese template and the English one name them: the message is read in either.
  const missing = importColumns
    .filter((c) => c.required && !mapped.includes(c.key))
    .map((c) => `${c.aliases[0]} (${c.aliases[c.aliases.length - 1]})`);
  if (missing.length) {
    throw new AppError("invalid_input", "roster.import.errors.missingColumns", {
      fields: { file: "roster.import.errors.columns" },
      params: { columns: missing.join("、") },
    });
  }
  return mapped;
}

/**
 * Checks every row of an import file: the licence number's form, the e-mail, known specialties,
 * regions, languages and service modes, numbers and term dates, duplicates within the file (by
 * licence number and e-mail) and against the roster, and that the home region lies in the
 * importing admin's district (`inDistrict`; an expert belongs to their home region's district).
 * Pure: the database facts come in `reference`.
 */
export function validateImportRows(
  table: ImportTable,
  reference: ImportReference,
  today: string,
  inDistrict: (regionCode: string) => boolean = () => true,
): ValidatedRow[] {
  const columns = requireColumns(table.headers);
  const firstLineOfLicence = new Map<string, number>();
  const firstLineOfEmail = new Map<string, number>();
  return table.rows.map(({ line, cells }) => {
    const values: Partial<Record<ImportColumnKey, string>> = {};
    columns.forEach((key, i) => {
      if (key) values[key] = (cells[i] ?? "").trim();
    });
    const problems: RowProblem[] = [];
    const problem = (column: ImportColumnKey | null, key: MessageKey, params?: Record<string, string | number>) =>
      problems.push({ column, key, ...(params ? { params } : {}) });
    const text = (key: ImportColumnKey) => values[key] ?? "";

    for (const column of importColumns)
      if (column.required && !text(column.key)) problem(column.key, "roster.import.row.required", { column: column.key });

    const licenseNumber = normalizeLicenceNumber(text("licenseNumber"));
    // Re-importing a file: its experts are there already, whatever else the row says.
    if (licenseNumber && !licenceProblem(licenseNumber) && reference.licencesOnRoster.has(licenseNumber))
      return { line, cells, values, input: null, problems: [], present: true };
    if (licenseNumber) {
      const bad = licenceProblem(licenseNumber);
      if (bad) problem("licenseNumber", bad === "digits" ? "roster.errors.licenceDigits" : "roster.errors.licenceFormat");
      else if (firstLineOfLicence.has(licenseNumber))
        problem("licenseNumber", "roster.import.row.duplicateLicence", { line: firstLineOfLicence.get(licenseNumber)! });
      else firstLineOfLicence.set(licenseNumber, line);
    }

    const email = emailField.safeParse(text("email"));
    if (text("email") && !email.success) problem("email", "errors.field.email");
    if (email.success) {
      if (reference.emailsTaken.has(email.data)) problem("email", "roster.import.row.emailTaken");
      else if (firstLineOfEmail.has(email.data)) problem("email", "roster.import.row.duplicateEmail", { line: firstLineOfEmail.get(email.data)! });
      else firstLineOfEmail.set(email.data, line);
    }
    const phone = text("phone");
    if (phone && !phoneField.safeParse(phone).success) problem("phone", "errors.field.phone");
    if (text("name").length > 50) problem("name", "errors.field.tooLong");

    const lookupList = <C extends string>(column: ImportColumnKey, map: Map<string, C | null>, unknownKey: MessageKey): C[] => {
      const out: C[] = [];
      for (const raw of splitList(text(column))) {
        const code = map.get(foldValue(raw));
        if (code) out.push(code);
        else problem(column, code === null ? "roster.import.row.ambiguousRegion" : unknownKey, { value: raw });
      }
      return [...new Set(out)];
    };
    const specialties = lookupList("specialties", reference.specialtyByAlias, "roster.import.row.unknownSpecialty");
    const regions = lookupList("regions", reference.regionByAlias, "roster.import.row.unknownRegion");
    const home = text("homeRegion") ? lookupList("homeRegion", reference.regionByAlias, "roster.import.row.unknownRegion") : [];
    if (home[0] && !inDistrict(home[0])) problem("homeRegion", "roster.import.row.outsideDistrict", { value: text("homeRegion") });
    const languages = text("languages") ? lookupList("languages", languageByAlias, "roster.import.row.unknownLanguage") : (["zh"] as LanguageCode[]);
    const modes = lookupList("serviceModes", modeByAlias, "roster.import.row.unknownMode");

    const years = parseInteger(text("yearsOfPractice"), 0, 80, 0);
    if (years === null) problem("yearsOfPractice", "roster.errors.years");
    const capacity = parseInteger(text("capacity"), 0, 200, 5);
    if (capacity === null) problem("capacity", "roster.errors.capacity");
    const termStart = text("termStart") ? parseDate(text("termStart")) : today;
    if (!termStart) problem("termStart", "errors.field.date");
    const termEnd = text("termEnd") ? parseDate(text("termEnd")) : termStart ? termEndFor(termStart, 3) : null;
    if (text("termEnd") && !termEnd) problem("termEnd", "errors.field.date");
    else if (termStart && termEnd && termEnd <= termStart) problem("termEnd", "roster.import.row.termOrder");

    const input: ImportRowInput | null = problems.length
      ? null
      : {
          name: text("name"),
          licenseNumber,
          email: email.success ? email.data : "",
          phone: phone || null,
          title: text("title").slice(0, 50),
          organization: text("organization").slice(0, 100),
          homeRegionCode: home[0]!,
          regions,
          specialties,
          languages,
          serviceModes: modes,
          yearsOfPractice: years!,
          capacity: capacity!,
          bio: text("bio").slice(0, 2000),
          termStart: termStart!,
          termEnd: termEnd!,
        };
    return { line, cells, values, input, problems, present: false };
  });
}
