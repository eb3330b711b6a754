import type { Shape } from "../shape";
import type { calendar as zh } from "../zh-CN/calendar";

export const calendar: Shape<typeof zh> = {
  box: {
    title: "Calendar feed",
    introExpert:
      "Subscribe to your duty days, company visits and case deadlines in your phone's or computer's calendar; it updates itself when plans change.",
    introStation: "Subscribe to this station's duty days in your phone's or computer's calendar. Everyone on the station's staff shares one link.",
    urlLabel: "Subscription link",
    copy: "Copy link",
    copied: "Copied",
    copyFailed: "Could not copy automatically: select the link and copy it by hand.",
    subscribeHere: "Subscribe on this device",
    howTitle: "How to subscribe on a phone",
    howIphone:
      "iPhone: tap “Subscribe on this device” above, or open Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar and paste the link.",
    howAndroid:
      "Android: on a computer, open Google Calendar, choose Other calendars → From URL and paste the link; the phone's calendar shows it after syncing. Huawei, Xiaomi and similar built-in calendars take the link under Calendar accounts → Subscribe.",
    howOther:
      "Outlook and other calendars: choose “Subscribe from web” or “Add calendar from URL” and paste the link. Calendars usually refresh every few hours.",
    privateHint: "This link is your private calendar: anyone with it can read it without signing in, so do not pass it on. If it leaks, reset it.",
    reset: "Reset link",
    resetConfirm: "The old link stops working at once, and subscribed calendars must subscribe again with the new one. Reset it?",
    resetDone: "A new link is ready: subscribe again with it.",
  },
  station: {
    subscribe: "Subscribe to duty days",
    hint: "Add this station's expert duty days to your phone's calendar; new sessions appear by themselves.",
  },
  feed: {
    expertName: "{name}: duty days, visits and case deadlines",
    stationName: "{station}: duty days",
    publicName: "{station}: experts on duty",
    session: "Duty day · {station}",
    sessionAtStation: "Duty day · {expert} ({booked}/{slots} booked)",
    publicSession: "Expert on duty · {expert} ({free, plural, one {# slot} other {# slots}} free)",
    publicSessionFull: "Expert on duty · {expert} (fully booked)",
    toConfirm: " (to be confirmed)",
    visit: "Company visit · {company}",
    awaitingCompany: " (awaiting the company)",
    deadline: "Due · {step} · {caseNumber}",
    periodLine: "{period} {start}–{end}",
    slotsLine: "{slots} slots, {booked} booked",
    expertLine: "Expert: {expert}",
    purposeLine: "Purpose: {purpose}",
    phoneLine: "Phone: {phone}",
    bookLine: "Book: {url}",
  },
};
