import { describe, expect, it } from "vitest";
import { read, sourceFiles } from "@/test/source-files";
import { catalogs, locales, type Locale } from "./catalog";
import { placeholderNames, pluralForms, type Messages } from "./messages";

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([name, value]) =>
    typeof value === "string" ? [[`${prefix}${name}`, value] as [string, string]] : leaves(value, `${prefix}${name}.`),
  );
}

const messagesOf = (locale: Locale) => new Map(leaves(catalogs[locale]));
const zh = messagesOf("zh-CN");
const en = messagesOf("en");

describe("the two catalogues", () => {
  it("have the same keys", () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it("fill in the same names in every message", () => {
    const differing = [...zh].flatMap(([key, text]) => {
      const [mine, theirs] = [[...placeholderNames(text)].sort(), [...placeholderNames(en.get(key) ?? "")].sort()];
      return mine.join() === theirs.join() ? [] : [{ key, zh: mine, en: theirs }];
    });
    expect(differing).toEqual([]);
  });

  it("give every plural exactly the forms its language has", () => {
    const wrong = locales.flatMap((locale) => {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      return [...messagesOf(locale)].flatMap(([key, text]) =>
        pluralForms(text)
          .map((p) => ({ locale, key, name: p.name, forms: [...p.choices.keys()].sort() }))
          .filter((p) => p.forms.join() !== categories.join()),
      );
    });
    expect(wrong).toEqual([]);
  });
});

/**
 * Keys looked up with a part taken from data, so no source line spells them out. Each family is
 * keyed by a closed set of codes (an enum, a status, a check name); a code outside it shows the key.
 */
const builtFromData: RegExp[] = [
  /^enums\./, // every enum's labels, by the stored code
  /^common\.roles\./, // role labels, by the account's role
  /^requests\.(categories\.\w+\.(label|hint)|events\.\w+\.\w+|new\.steps\.\w+|detail\.sections\.\w+)$/, // category cards, timeline events ("request.submitted"), wizard steps, the case page's section links
  /^routing\.(parts|partHints|settings|declineReasons)\.\w+$/, // score parts, settings, decline reasons
  /^routing\.reasons\./, // a match reason, by the code stored with the offer ("load", "region.zone")
  /^roster\.(kinds|checks|standing|appointmentKinds|fields|audit|directory\.sorts|me\.notify)\.\w+$/, // expert data codes
  /^roster\.admin\.(roster\.(statusFilters|columns)|applications\.(tabs|columns))\.\w+$/, // admin tables' columns and tabs
  /^reports\.(dimensionName|groupBy|source)\.\w+$/, // report dimensions
  /^tokens\.(active|revoked|expired)$/, // a token's status
  /^tokens\.scope(Labels|Hints)\.\w+\.\w+$/, // a token's scopes, by the permission's code
  /^auth\.setPassword\.(invalid|expired|used)$/, // a password link's status
  /^disputes\.response\.(confirmed|queried)$/, // the enterprise's answer
  /^audit\.(types|entities|columns)\.\w+$/, // the audit trail's event and record types (by the stored code), its columns
  /^errors\.field\.choose\.\w+$/, // a required choice left empty, by the field's name
  /^companies\.(members\.status|admin\.(states|memberStatus))\.\w+$/, // a member's and a company's standing
  /^timeliness\.settings\.(hints\.)?\w+$/, // a service level's label and hint, by its field's name
  /^privacy\.notice\.(sections\.\w+\.\w+|columns\.\w+)$/, // the privacy notice's sections, each with the same four questions
  /^rota\.(period|status|errors\.already)\.\w+$/, // a duty session's half-day and status, and why it cannot change, by the stored code
  /^bookings\.status\.\w+$/, // a booking's status, by the stored code
  /^visits\.(statuses|purposes|subtitle|empty)\.\w+$/, // a visit's status, the plan form's quick purposes, the list's wording by who reads it
  /^appraisals\.(grades|figures)\.\w+$/, // an appraisal's grade, by the stored code, and the scorecard's figures, by name
  /^annualReport\.(sections|sheets)\.\w+$/, // the annual report's sections and sheets, by report dimension
  /^reportCategories\.outcome\.\w+$/, // a request's outcome (lib/reports/outcome.ts), by its code
  /^referrals\.(bodyKind|partyKind)\.\w+$/, // a referring body's kind and a party's kind, by the stored code
];

describe("every message", () => {
  const source = sourceFiles()
    .filter((file) => !/lib\/i18n\/(zh-CN|en)\//.test(file))
    .map(read)
    .join("\n");
  const spelledOut = new Set(Array.from(source.matchAll(/["'`]([a-zA-Z]+(?:\.\w+)+)["'`]/g), (m) => m[1]!));

  it("is used somewhere in the code", () => {
    const unused = [...zh.keys()].filter((key) => !spelledOut.has(key) && !builtFromData.some((family) => family.test(key)));
    expect(unused).toEqual([]);
  });

  it("family built from data still exists", () => {
    expect(builtFromData.filter((family) => ![...zh.keys()].some((key) => family.test(key)))).toEqual([]);
  });
});
