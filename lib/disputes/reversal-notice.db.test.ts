import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { notifications, requests, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { translator } from "@/lib/i18n/translate";
import { describeNotification } from "@/lib/notifications/describe";
import { listNotifications } from "@/lib/notifications/queries";
import { sendNotificationEmail, setMailSettingsForTests } from "@/lib/notifications/send-email";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { captureLog } from "@/test/log-capture";
import { createDispute } from "./create-dispute";
import { recordRecovery } from "./record-recovery";
import { reverseRecovery } from "./reverse-recovery";

useTestDatabase();

describe("the company is told of a reversal as it is of an entry", () => {
  let enterprise: Actor, expert: Actor;
  let requestId: string, caseNumber: string;

  beforeAll(async () => {
    // without mail settings a mail is written to the log, which this test reads
    setMailSettingsForTests(null);
    enterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    requestId = await createAcceptedCase({ enterprise, expert });
    const [row] = await db.select({ caseNumber: requests.caseNumber }).from(requests).where(eq(requests.id, requestId));
    caseNumber = row!.caseNumber;
    const dispute = await createDispute(expert, requestId, { counterpartyName: "嘉兴某建材商行", kind: "receivable", claimedFen: 800_000_00n });
    const entry = await recordRecovery(expert, dispute.id, { amountFen: 12_345_67n, receivedOn: "2026-01-20", method: "mediation" });
    await reverseRecovery(expert, entry.id, "金额录错，应为 1,234.56 元");
  });

  afterAll(() => setMailSettingsForTests(undefined));

  it("in the inbox, in Chinese and in English: the amount reversed, the reason, the dispute and the case number", async () => {
    const inbox = await listNotifications(enterprise, {}, { page: 1, pageSize: 20 });
    const ledger = inbox.items.filter((n) => n.requestId === requestId && n.kind.startsWith("recovery."));
    expect(ledger.map((n) => n.kind)).toEqual(["recovery.reversed", "recovery.recorded"]);
    const [reversal, recorded] = ledger;
    expect(describeNotification(translator("zh-CN"), reversal!).details).toEqual([
      `受理编号：${caseNumber}`,
      "纠纷对方：嘉兴某建材商行",
      "冲正金额：¥12,345.67",
      "冲正原因：金额录错，应为 1,234.56 元",
    ]);
    expect(describeNotification(translator("en"), reversal!).details).toEqual([
      `Case number: ${caseNumber}`,
      "Dispute with: 嘉兴某建材商行",
      "Amount reversed: ¥12,345.67",
      "Reason for the reversal: 金额录错，应为 1,234.56 元",
    ]);
    // the entry itself is told the same way
    expect(describeNotification(translator("zh-CN"), recorded!).details).toEqual([
      `受理编号：${caseNumber}`,
      "纠纷对方：嘉兴某建材商行",
      "到账金额：¥12,345.67",
    ]);
  });

  it("by mail, in the recipient's language", async () => {
    const [notice] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), eq(notifications.kind, "recovery.reversed")))
      .orderBy(desc(notifications.createdAt));
    const log = captureLog();
    try {
      await sendNotificationEmail({ notificationId: notice!.id });
      await db.update(users).set({ locale: "en" }).where(eq(users.id, enterprise.userId));
      await sendNotificationEmail({ notificationId: notice!.id });
    } finally {
      log.restore();
    }
    const [zh, en] = log.messages();
    expect(zh).toContain("冲正了一笔回款");
    for (const line of [`受理编号：${caseNumber}`, "纠纷对方：嘉兴某建材商行", "冲正金额：¥12,345.67", "冲正原因：金额录错"])
      expect(zh).toContain(line);
    expect(en).toContain("was reversed");
    for (const line of [`Case number: ${caseNumber}`, "Dispute with: 嘉兴某建材商行", "Amount reversed: ¥12,345.67", "Reason for the reversal:"])
      expect(en).toContain(line);
  });
});
