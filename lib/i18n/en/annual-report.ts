import type { Shape } from "../shape";
import type { annualReport as zh } from "../zh-CN/annual-report";

export const annualReport: Shape<typeof zh> = {
  title: "Annual report",
  link: "Annual report",
  intro:
    "Pick a year and produce the law society's annual report on the chief legal counsel roster in one step: the figures by district, category of work, outcome, month, station and expert, the typical cases published that year and the experts commended. The figures are those of the reports page; amounts come from the recovery ledger.",
  year: "Year",
  produce: "Produce the year's report",
  print: "Print the report",
  download: "Download the Excel workbook",
  back: "Back to reports",
  heading: "Chief Legal Counsel Roster: annual report {year}",
  period: "Period: {from} to {to}",
  scopeAll: "Scope: all regions",
  scopeRegion: "Scope: {region}",
  generatedAt: "Produced {time}",
  sections: {
    summary: "The year at a glance",
    region: "By district",
    category: "By category of work",
    outcome: "By outcome",
    month: "By month",
    station: "By station",
    expert: "By expert",
    typicalCases: "Typical cases",
    commendations: "Commended experts",
  },
  sheets: {
    summary: "Summary",
    region: "By district",
    category: "By category",
    outcome: "By outcome",
    month: "By month",
    station: "By station",
    expert: "By expert",
    typicalCases: "Typical cases",
    commendations: "Commendations",
  },
  summary: {
    year: "Year",
    scope: "Scope",
    allRegions: "All regions",
    amounts: "Amounts",
    amountsValue:
      "Yuan as numbers with two decimals, ready to add up; each “(fen)” column beside them is the exact integer fen from the recovery ledger",
  },
  typical: {
    title: "Title",
    disputesResolved: "Disputes resolved",
    recovered: "Recovered",
    recoveredYuan: "Recovered (yuan)",
    recoveredFen: "Recovered (fen)",
    publishedAt: "Published",
    none: "No typical case was published this year.",
  },
  commendations: {
    name: "Expert",
    district: "District",
    none: "No expert has been appraised excellent for this year yet.",
  },
  noRows: "No figures for this year.",
  errors: {
    year: "Enter a year between 2000 and 2100.",
  },
};
