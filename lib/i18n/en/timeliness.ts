import type { Shape } from "../shape";
import type { timeliness as zh } from "../zh-CN/timeliness";

export const timeliness: Shape<typeof zh> = {
  errors: {
    hours: "Enter a whole number of working hours from 1 to 300.",
    days: "Enter a whole number of days from 1 to 365.",
    offers: "Enter a whole number from 1 to 5.",
    urgentLonger: "Urgent requests cannot have a longer triage time than others.",
  },
};
