import type { Shape } from "../shape";
import type { typicalCases as zh } from "../zh-CN/typical-cases";

export const typicalCases: Shape<typeof zh> = {
  nav: { public: "Typical cases", admin: "Typical cases" },
  figures: {
    disputesResolved: "Disputes resolved",
    disputesResolvedValue: "{n}",
    recovered: "Money recovered",
  },
  public: {
    title: "Typical cases",
    subtitle:
      "Real cases in which the chief legal counsels helped companies settle disputes. Companies and people are not named (unless a company agreed to be), and the figures come from the case ledger.",
    empty: "No typical cases have been published yet.",
    chineseOnly: "This case is available in Chinese only.",
    publishedOn: "Published {date}",
    back: "Back to typical cases",
    figuresTitle: "Outcome",
  },
  impact: {
    title: "Typical cases",
    viewAll: "All typical cases",
  },
  admin: {
    title: "Typical cases",
    subtitle:
      "Draft typical cases from closed requests: companies and people are anonymised automatically and the figures come from the ledger; once published they appear on the public typical cases page and the impact page.",
    empty: "No typical cases yet. Draft one from a closed request's page.",
    caseNumber: "Case number",
    status: { draft: "Draft", published: "Published", withdrawn: "Withdrawn" },
    view: "View",
    publish: "Publish",
    publishConfirm:
      "Once published, everyone can read this case on the typical cases page; its figures are checked against the ledger again. Publish it?",
    withdraw: "Withdraw",
    withdrawConfirm: "Once withdrawn, the case is no longer shown to the public, and the request may be drafted from again. Withdraw it?",
    discard: "Discard draft",
    discardConfirm: "Once discarded, the draft is no longer listed, and the request may be drafted from again. Discard it?",
    updatedAt: "Updated {date}",
  },
  onCase: {
    draft: "Draft a typical case",
    open: "Open this case's typical case ({status})",
  },
  form: {
    newTitle: "Draft a typical case",
    editTitle: "Edit the typical case",
    fromCase: "From request {caseNumber}",
    titleZh: "Title (Chinese)",
    titleEn: "Title (English, optional)",
    storyZh: "Account (Chinese)",
    storyEn: "Account (English, optional)",
    companyConsent: "The company agreed to be named",
    companyConsentHint:
      "Without the company's consent, its name, its credit code and the other side's names are replaced (“a company”…); people's names, phone numbers and ID numbers are always removed.",
    consentRecorded: "The company agreed to be named (recorded {date})",
    figuresTitle: "Figures",
    figuresHint: "Taken from the case's disputes and ledger, never typed; checked against the ledger again when published.",
    create: "Save draft",
    save: "Save changes",
    saved: "Saved.",
    checkTitle: "Anonymisation check",
    checkNone: "No names or numbers to remove were found.",
    checkIntro: "When saved, these will be replaced:",
    checkedNames: "Names checked: {names}",
    replacedWith: "{found} → {placeholder}",
    inField: " ({field})",
    kinds: {
      company: "Company name",
      counterparty: "Other side",
      person: "Person's name",
      creditCode: "Credit code",
      phone: "Phone number",
      idNumber: "ID number",
    },
  },
  errors: {
    notClosed: "Only a closed request can be drafted into a typical case.",
    alreadyLive: "This case already has a typical case (a draft or a published one): edit that one.",
    notDraft: "Only a draft can be changed or published; this one is published or withdrawn.",
    withdrawn: "This typical case is already withdrawn.",
    namesRemain: "The text still contains names or numbers to remove: {names}. Change it before publishing.",
    namesRemainField: "Names or numbers to remove remain here.",
  },
};
