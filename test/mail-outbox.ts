import { drainJobs } from "@/lib/jobs/queue";

// Mail kept instead of delivered, for the tests that read what was sent. In the test file:
//   vi.mock("@/lib/notifications/send-email", async (original) => (await import("@/test/mail-outbox")).keepMailIn(original));

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** What deliverMail was given, in order. */
export const outbox: Mail[] = [];

/** The send-email module with deliverMail putting each mail in the outbox. */
export async function keepMailIn(original: () => Promise<unknown>) {
  return {
    ...((await original()) as typeof import("@/lib/notifications/send-email")),
    deliverMail: async (mail: Mail) => {
      outbox.push(mail);
    },
  };
}

/** Sends the queued set-password mails now and returns them, each with the token its link carries. */
export async function mailedLinks(): Promise<(Mail & { token: string })[]> {
  outbox.length = 0;
  await drainJobs("account.password-link");
  return outbox.map((mail) => ({ ...mail, token: /\/set-password\?token=(\S+)/.exec(mail.text)?.[1] ?? "" }));
}
