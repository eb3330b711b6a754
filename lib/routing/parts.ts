/** The named parts of a candidate's score, in the order they are shown (safe for client code). */
export const scorePartNames = ["specialty", "region", "load", "languageMode", "trackRecord", "rotation"] as const;
export type ScorePartName = (typeof scorePartNames)[number];
export type Weights = Record<ScorePartName, number>;
