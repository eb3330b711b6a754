import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { drainJobs } from "@/lib/jobs/queue";
import { fileAs } from "@/test/request-fixtures";
import { triageRequest } from "@/lib/requests/triage-request";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { captureLog } from "@/test/log-capture";
import { notify } from "./notify";
import { setMailSettingsForTests } from "./send-email";

const database = useTestDatabase();

interface Received {
  to: string[];
  raw: string;
}

/** Decodes MIME encoded-words (=?UTF-8?B?...?= / =?UTF-8?Q?...?=) in a header value. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** The subject, content type and decoded text body of a raw single-part message. */
function parse(raw: string) {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "";
  const body = rest.join("\n\n");
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8")
        : body;
  return { subject: decodeHeader(header("Subject")), contentType: header("Content-Type"), text };
}

describe("notification e-mail through a real SMTP server", () => {
  const received: Received[] = [];
  let rejectNext = 0;
  let server: SMTPServer;
  let enterprise: Actor;
  let admin: Actor;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          if (rejectNext > 0) {
            rejectNext -= 1;
            const error = Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 });
            return callback(error);
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    setMailSettingsForTests({ host: "127.0.0.1", port, secure: false, from: "专家库 <no-reply@roster.example>" });
    enterprise = await createEnterpriseActor();
    admin = await createAdminActor();
  });

  afterAll(async () => {
    setMailSettingsForTests(undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(async () => {
    await drainJobs("notification.email");
    received.length = 0;
  });

  const mailTo = (actor: Actor) => received.filter((m) => m.to.includes(actor.email));

  it("sends nothing for a change that rolled back, and mails a committed one only after commit", async () => {
    const requestId = await fileAs(enterprise, { title: "厂房租金拖欠" });
    await drainJobs("notification.email");
    received.length = 0;
    await db
      .transaction(async (tx) => {
        await notify(tx, { userIds: [enterprise.userId], kind: "request.status", requestId, data: { status: "triaged" } });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await drainJobs("notification.email")).toEqual({ ran: 0, failed: 0 });

    await db.transaction(async (tx) => {
      await notify(tx, { userIds: [enterprise.userId], kind: "request.status", requestId, data: { status: "triaged" } });
      // On a server a worker could run right now, from another connection: the job is not visible yet.
      if (database.current().kind === "postgres") expect(await drainJobs("notification.email")).toEqual({ ran: 0, failed: 0 });
    });
    expect(received).toHaveLength(0);
    expect(await drainJobs("notification.email")).toEqual({ ran: 1, failed: 0 });
    const [mail] = mailTo(enterprise);
    const { subject, contentType, text } = parse(mail!.raw);
    expect(subject).toBe("【专家库】“厂房租金拖欠”的状态变为：已分诊。");
    expect(contentType).toMatch(/^text\/plain/);
    expect(text).toContain(`/requests/${requestId}`);
  });

  it("is retried after the mail server refuses it, and arrives then", async () => {
    const requestId = await fileAs(enterprise);
    await drainJobs("notification.email");
    received.length = 0;
    rejectNext = 1;
    await triageRequest(admin, requestId, { decision: "return", reason: "请补充对账单。" });
    expect(await drainJobs("notification.email")).toEqual({ ran: 1, failed: 1 });
    expect(mailTo(enterprise)).toHaveLength(0);
    // The queue retries after a back-off; bring the retry forward instead of waiting for it.
    await db.execute(sql`update pgboss.job set start_after = now() - interval '1 second' where name = 'notification.email' and state = 'retry'`);
    expect(await drainJobs("notification.email")).toEqual({ ran: 1, failed: 0 });
    expect(mailTo(enterprise)).toHaveLength(1);
    expect(parse(mailTo(enterprise)[0]!.raw).text).toContain("说明：请补充对账单。");
  });

  it("writes in the recipient's language and keeps typed text as text", async () => {
    await db.update(users).set({ locale: "en" }).where(eq(users.id, enterprise.userId));
    const requestId = await fileAs(enterprise, { title: '<img src=x onerror="alert(1)">' });
    await drainJobs("notification.email");
    received.length = 0;
    await triageRequest(admin, requestId, { decision: "reject", reason: "<script>alert(2)</script>", referral: "Legal aid" });
    await drainJobs("notification.email");
    const { subject, contentType, text } = parse(mailTo(enterprise)[0]!.raw);
    expect(subject).toBe('[Counsel Roster] “<img src=x onerror="alert(1)">” is now: Rejected.');
    expect(contentType).toMatch(/^text\/plain/);
    expect(mailTo(enterprise)[0]!.raw).not.toMatch(/text\/html/i);
    expect(text).toContain("Note: <script>alert(2)</script>");
    expect(text).toContain("Suggested instead: Legal aid");
    await db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, enterprise.userId));
  });

  it("mails an expert only what their e-mail preference asks for", async () => {
    const expert = await createExpertActor();
    await db.update(users).set({ emailNotifications: "important" }).where(eq(users.id, expert.userId));
    await db.transaction(async (tx) => {
      await notify(tx, { userIds: [expert.userId], kind: "offer.new", data: { title: "新邀请" } });
      await notify(tx, { userIds: [expert.userId], kind: "message.new", data: { title: "留言", author: "企业" } });
    });
    expect(await drainJobs("notification.email")).toEqual({ ran: 2, failed: 0 });
    expect(mailTo(expert).map((m) => parse(m.raw).subject)).toEqual(["【专家库】您收到新的案件邀请：“新邀请”，请在期限内答复。"]);
    await db.update(users).set({ emailNotifications: "none" }).where(eq(users.id, expert.userId));
    await db.transaction((tx) => notify(tx, { userIds: [expert.userId], kind: "offer.new", data: { title: "再一个" } }));
    await drainJobs("notification.email");
    expect(mailTo(expert)).toHaveLength(1);
  });

  it("mails any account only what its e-mail preference asks for", async () => {
    const member = await createEnterpriseActor();
    await db.update(users).set({ emailNotifications: "important" }).where(eq(users.id, member.userId));
    await db.transaction(async (tx) => {
      await notify(tx, { userIds: [member.userId], kind: "request.returned", data: { title: "退回的诉求" } });
      await notify(tx, { userIds: [member.userId], kind: "message.new", data: { title: "留言", author: "专家" } });
    });
    expect(await drainJobs("notification.email")).toEqual({ ran: 2, failed: 0 });
    expect(mailTo(member)).toHaveLength(1);
    expect(parse(mailTo(member)[0]!.raw).subject).toContain("退回的诉求");
    await db.update(users).set({ emailNotifications: "none" }).where(eq(users.id, member.userId));
    await db.transaction((tx) => notify(tx, { userIds: [member.userId], kind: "request.returned", data: { title: "再次退回" } }));
    await drainJobs("notification.email");
    expect(mailTo(member)).toHaveLength(1);
  });

  it("prints the mail to the server log when no SMTP server is configured", async () => {
    setMailSettingsForTests(null);
    const log = captureLog();
    try {
      await db.transaction((tx) =>
        notify(tx, { userIds: [enterprise.userId], kind: "message.new", data: { title: "T", author: "专家", excerpt: "你好" } }),
      );
      expect(await drainJobs("notification.email")).toEqual({ ran: 1, failed: 0 });
      expect(log.messages().join("\n")).toContain(`[mail] to=${enterprise.email}`);
      expect(received).toHaveLength(0);
    } finally {
      log.restore();
      const { port } = server.server.address() as AddressInfo;
      setMailSettingsForTests({ host: "127.0.0.1", port, secure: false, from: "专家库 <no-reply@roster.example>" });
    }
  });
});
