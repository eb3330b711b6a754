import type { Shape } from "../shape";
import type { privacy as zh } from "../zh-CN/privacy";

export const privacy: Shape<typeof zh> = {
  consent: {
    label: "I have read and agree to the ",
    link: "Privacy Notice",
    registerPurpose: " (for registering the company's account and handling its legal requests)",
    applyPurpose: " (for vetting, appointment and matching, including sensitive personal information such as the licence scan)",
    required: "Please read the Privacy Notice and tick to agree before submitting",
  },
  notice: {
    title: "Privacy Notice",
    metaDescription: "What personal information the Chief Legal Counsel Roster keeps, why, who sees it, for how long, and your rights.",
    version: "Version {version}, in force from {date}",
    intro:
      "This system is run by the county law society (“we”) to vet experts for the roster, take businesses' legal requests, match them to experts and follow each case. We handle your personal information under the Personal Information Protection Law of the PRC: we collect only what these tasks need, never sell it, and never use it for purposes unrelated to this system. Below is each kind of personal information the system keeps.",
    columns: { what: "What", why: "Why", who: "Who sees it", howLong: "How long" },
    sections: {
      accounts: {
        title: "Accounts",
        what: "Name, e-mail address, mobile number, role (company, expert, service station, law society), company or station, interface language, e-mail notification setting, when the account was created and disabled, and which version of this notice you agreed to and when. A password is kept only as a one-way hash.",
        why: "To know who you are, let you sign in and send you notices about your matters.",
        who: "You; law-society admins (account management). Members of one company see each other's names and e-mails.",
        howLong: "While the account exists; after it is disabled, what belongs to cases handled is kept with the case records.",
      },
      companies: {
        title: "Companies",
        what: "Company name, unified social credit code, contact person's name and phone, and the law society's verification of the company (result, time and reason).",
        why: "To confirm the account acts for the company, and to file requests and recoveries under the right company.",
        who: "The company's members; law-society admins; the expert handling one of its cases sees the contact.",
        howLong: "While the company's account exists, and with the case records.",
      },
      experts: {
        title: "Expert profiles and applications",
        what: "Name, title, law firm, licence number, mobile number, home region, years of practice, biography, specialties, regions served, languages, service modes, case capacity and pause dates, appointment terms and history, declared conflicts of interest (company names and credit codes); in an application, references, statement, vetting checklist and decision, and the scans of your practising licence and certificates you upload (they may show a photo and ID numbers: sensitive personal information).",
        why: "To verify your licence, decide on the appointment and match requests to suitable experts.",
        who: "The public directory shows only current experts' name, title, firm, specialties, regions, languages, years of practice and biography. Licence number, phone, references and scans are seen only by you and the law-society admins who vet the application.",
        howLong:
          "While on the roster, and afterwards under the law society's archive rules; an application that is not approved is kept, with its scans, for two years after the decision.",
      },
      requests: {
        title: "Requests and cases",
        what: "A request's title and description, the counterparties' names and credit codes, the amount at stake, the region, a walk-in visitor's name and phone when a station files for them, messages, attached files, disputes and money recovered, ratings and return visits.",
        why: "To take, triage, route and work your legal request, and to record what was recovered.",
        who: "The company or station that filed it; the law-society admins handling it; the expert who accepts the case (an expert who is offered it sees a summary only). The published results contain totals only, never personal information.",
        howLong: "Kept as a public legal service record after the case is closed, under the law society's archive rules.",
      },
      activity: {
        title: "Activity records",
        what: "Who did what and when (filing, routing, vetting, changing settings), the reason given, and the API token when one was used.",
        why: "So that every decision can be traced, and misuse prevented and dealt with.",
        who: "Law-society admins (by district); records about your case also appear on its timeline.",
        howLong: "As long as the matter they record.",
      },
      sessions: {
        title: "Sign-in and network addresses",
        what: "When each session began, when it expires and when you signed out; sign-in attempts are counted by e-mail and network (IP) address, and when too many fail, the lock is recorded with the account, the network address and its length.",
        why: "To keep accounts safe and stop password guessing.",
        who: "Your session serves only your own sign-in; law-society admins see lock records.",
        howLong:
          "A session ends after 12 hours at most; attempt counts start again after 15 minutes; lock records are kept with the activity records.",
      },
      mail: {
        title: "Inbox and e-mail",
        what: "The messages in your inbox, and the notices and set-password links sent to your e-mail address.",
        why: "To tell you how your matters progress and what needs your attention.",
        who: "You. E-mail is sent through the law society's mail server.",
        howLong: "Inbox messages are kept with the account; in account settings you choose which notices also come by e-mail.",
      },
      browser: {
        title: "Drafts kept in your browser",
        what: "The roster application form and the request wizard keep what you have typed but not yet submitted in the browser you use, so a reload does not lose it; passwords and files are never kept in a draft.",
        why: "So that a reload or a dropped connection does not lose your work.",
        who: "Kept only in this device's browser; nothing is sent to us before you submit.",
        howLong:
          "Cleared when you submit; you can discard a draft at any time. On a shared computer, discard the draft or clear the browser's data when you are done.",
      },
    },
    sharingTitle: "Sharing",
    sharing:
      "We give your personal information to nobody beyond the people named above, unless a law or administrative regulation requires it. An API token the law society issues to a partner system (such as the county's business service platform) files and reads requests only within the rights of the admin who issued it. The system's data is stored in mainland China and is not transferred abroad.",
    rightsTitle: "Your rights",
    rights:
      "You may see, copy, correct and complete your personal information, ask us to delete what no longer needs to be kept, withdraw your consent (this does not affect what was done before, but we may then be unable to continue a matter that needs the information), ask us to explain how we handle it, and ask to close your account. You can correct most of it yourself under “Account settings” and “My profile”; for anything else contact us and we will answer within 15 working days. If you are not satisfied, you may complain to the cyberspace administration or another authority responsible for personal information protection.",
    contactTitle: "Contact",
    contact:
      "The handler of your personal information is the county law society. For any question about this notice or your personal information, call the public legal service hotline 12348, or come to the law society's office on a working day.",
    changesTitle: "Changes to this notice",
    changes: "When this notice changes we update its version date and ask you to read and agree to it again the next time you register or apply.",
  },
};
