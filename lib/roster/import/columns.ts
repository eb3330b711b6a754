/**
 * The columns of a roster import file. A header is recognised by any of its aliases (Chinese as
 * the law society's spreadsheets name them, English, or the key itself), folded for comparison.
 */
export const importColumns = [
  { key: "name", required: true, aliases: ["姓名", "name"] },
  { key: "licenseNumber", required: true, aliases: ["执业证号", "执业证书编号", "证书编号", "licence number", "license number", "licensenumber"] },
  { key: "email", required: true, aliases: ["电子邮箱", "邮箱", "e-mail", "email"] },
  { key: "phone", required: false, aliases: ["手机号码", "电话", "联系电话", "phone"] },
  { key: "title", required: false, aliases: ["职务", "职称", "职务/职称", "title"] },
  { key: "organization", required: true, aliases: ["执业机构", "工作单位", "单位", "organisation", "organization"] },
  { key: "homeRegion", required: true, aliases: ["常驻地区", "所在地区", "home region", "homeregion"] },
  { key: "regions", required: true, aliases: ["服务地区", "regions served", "regions"] },
  { key: "specialties", required: true, aliases: ["专业领域", "擅长领域", "specialties"] },
  { key: "languages", required: false, aliases: ["语言", "工作语言", "languages"] },
  { key: "serviceModes", required: false, aliases: ["服务方式", "service modes", "servicemodes"] },
  { key: "yearsOfPractice", required: false, aliases: ["执业年限", "years of practice", "years"] },
  { key: "capacity", required: false, aliases: ["接案上限", "capacity"] },
  { key: "bio", required: false, aliases: ["个人简介", "简介", "bio"] },
  { key: "termStart", required: false, aliases: ["聘期开始", "聘任日期", "term start", "termstart"] },
  { key: "termEnd", required: false, aliases: ["聘期结束", "聘期届满", "term end", "termend"] },
] as const;

export type ImportColumnKey = (typeof importColumns)[number]["key"];

export const foldHeader = (header: string) =>
  header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s*＊:：]/g, "");

/** Which column key each header position holds (null for columns we do not read). */
export function mapHeaders(headers: string[]): (ImportColumnKey | null)[] {
  const byAlias = new Map<string, ImportColumnKey>();
  for (const column of importColumns) for (const alias of [column.key, ...column.aliases]) byAlias.set(foldHeader(alias), column.key);
  const seen = new Set<ImportColumnKey>();
  return headers.map((h) => {
    const key = byAlias.get(foldHeader(h)) ?? null;
    if (!key || seen.has(key)) return null;
    seen.add(key);
    return key;
  });
}

/** Splits a cell holding a list ("债权清收、合同纠纷"), on the separators people type. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、,，;；/|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}
