/*
 * iCalendar (RFC 5545) text, written by hand: a feed is a handful of events, and the rules that
 * matter are few. Lines end in CRLF and are folded at 75 octets of UTF-8 (a Chinese character is
 * three octets and is never cut in half); text values escape backslash, semicolon, comma and line
 * breaks. Wall-clock times carry TZID=Asia/Shanghai with its VTIMEZONE (China keeps UTC+8 all
 * year, so one STANDARD block describes it exactly); instants are written in UTC.
 */

export const ICS_MEDIA_TYPE = "text/calendar; charset=utf-8";
const TZID = "Asia/Shanghai";
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** When an event happens: a whole day (or days), a wall-clock time in China, or an instant. */
export type IcsTime =
  /** YYYY-MM-DD: an all-day event (its end is exclusive, the day after). */
  | { date: string }
  /** YYYY-MM-DD and HH:MM in China time. */
  | { date: string; time: string }
  /** A moment, written in UTC. */
  | { at: Date };

export interface IcsEvent {
  /** Stable for the item across fetches, so a calendar updates the event instead of adding another. */
  uid: string;
  start: IcsTime;
  /** Absent: an instant (for a time) or that one day (for a date). */
  end?: IcsTime;
  summary: string;
  description?: string;
  location?: string;
  status?: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  url?: string;
  lastModified?: Date;
}

export interface IcsCalendar {
  /** X-WR-CALNAME: the name a calendar app gives the subscription. */
  name: string;
  description?: string;
  events: IcsEvent[];
  /** DTSTAMP of every event: when this copy of the feed was made. */
  now: Date;
}

/** A TEXT value with its special characters escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * One content line folded into lines of at most 75 octets (RFC 5545 3.1): each continuation starts
 * with one space, which counts towards its 75. Cuts fall between characters (code points), never
 * inside a character's UTF-8 bytes or between the halves of a surrogate pair.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      lines.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 20260105T013000Z */
export function utcStamp(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

const compactDate = (date: string) => date.replace(/-/g, "");

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A DTSTART/DTEND property for a time. */
function timeProperty(name: "DTSTART" | "DTEND", time: IcsTime): string {
  if ("at" in time) return `${name}:${utcStamp(time.at)}`;
  if ("time" in time) return `${name};TZID=${TZID}:${compactDate(time.date)}T${time.time.replace(":", "")}00`;
  return `${name};VALUE=DATE:${compactDate(time.date)}`;
}

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0800",
  "TZOFFSETTO:+0800",
  "TZNAME:CST",
  "DTSTART:19700101T000000",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(event: IcsEvent, now: Date): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcStamp(now)}`, timeProperty("DTSTART", event.start)];
  if (event.end) lines.push(timeProperty("DTEND", event.end));
  else if ("date" in event.start && !("time" in event.start)) lines.push(timeProperty("DTEND", { date: nextDay(event.start.date) }));
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  // A URI value is not TEXT: it is written as it is (RFC 5545 3.3.13).
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  lines.push("TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

/** The whole feed: a VCALENDAR with its time zone and events, CRLF line ends, every line folded. */
export function renderCalendar(calendar: IcsCalendar): string {
  const needsZone = calendar.events.some((e) => "time" in e.start || (e.end !== undefined && "time" in e.end));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Chief Legal Counsel Roster//Duty days//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    `X-WR-TIMEZONE:${TZID}`,
    // How often a subscribing app should look again.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...(needsZone ? VTIMEZONE : []),
    ...calendar.events.flatMap((event) => eventLines(event, calendar.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
