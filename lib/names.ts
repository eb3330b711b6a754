import { toHalfWidth } from "@/lib/money";

/**
 * A company name reduced to what identifies it: full-width folded to half-width, brackets of any
 * kind and all whitespace and punctuation removed, Latin letters lower-cased. So
 * "嘉兴某贸易有限公司", "嘉兴某贸易 有限公司" and "嘉兴（某）贸易有限公司" compare equal.
 */
export function normalizeCompanyName(name: string): string {
  return toHalfWidth(name)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s()[\]{}<>（）【】〔〕《》「」『』"'“”‘’.,，。、·・\-—_:：;；!！?？]/g, "");
}
