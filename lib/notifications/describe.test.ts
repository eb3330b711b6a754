import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { describeNotification, notificationPath } from "./describe";
import { composeNotificationEmail } from "./email-content";

const zh = translator("zh-CN");
const en = translator("en");

describe("notifications in words", () => {
  it("names the new status in the reader's language, with the reason and referral", () => {
    const facts = {
      kind: "request.status",
      requestTitle: "厂房租金拖欠",
      data: { status: "rejected", reason: "不属于受理范围", referral: "县法律援助中心" },
    };
    expect(describeNotification(zh, facts)).toEqual({
      headline: "“厂房租金拖欠”的状态变为：不予受理。",
      details: ["说明：不属于受理范围", "建议去处：县法律援助中心"],
    });
    expect(describeNotification(en, facts).headline).toBe("“厂房租金拖欠” is now: Rejected.");
  });

  it("tells the expert and the admins that the company objects to the outcome, and that a case closed despite a query", () => {
    const objected = { kind: "request.objected", requestTitle: "货款追收", data: { reason: "货款仍未到账" } };
    expect(describeNotification(zh, objected)).toEqual({
      headline: "企业对“货款追收”的办理结果有异议，案件已退回专家继续办理。",
      details: ["说明：货款仍未到账"],
    });
    expect(describeNotification(en, objected).headline).toBe(
      "The company objects to the outcome of “货款追收”: the case is back in progress with its expert.",
    );
    const closed = { kind: "request.status", requestTitle: "T", data: { status: "closed", rating: 3, despiteQueries: true } };
    expect(describeNotification(zh, closed).details).toContain("企业在仍有存疑回款的情况下确认结案。");
    expect(describeNotification(en, closed).details).toContain("The company closed the case while a payment it queried was still open.");
  });

  it("says what happened for an event without a status, and something neutral for what it does not know", () => {
    expect(describeNotification(zh, { kind: "request.status", requestTitle: "T", data: { event: "offer.withdrawn" } }).headline).toBe(
      "“T”的案件邀请已撤回。",
    );
    const taken = { kind: "request.status", requestTitle: "T", data: { event: "offer.taken", offerId: "o1" } };
    expect(describeNotification(zh, taken).headline).toBe("“T”已由其他专家先行接受，您的邀请已撤回。");
    expect(describeNotification(en, taken).headline).toBe("Another expert accepted “T” first; your offer is withdrawn.");
    // the request is no longer the expert's to read: the notice leads to their offers
    expect(notificationPath({ ...taken, requestId: "r1" })).toBe("/offers");
    expect(describeNotification(zh, { kind: "request.status", data: { text: "welcome" } }).headline).toBe("您有一条新通知。");
    expect(describeNotification(en, { kind: "something.else" }).headline).toBe("You have a new notification.");
  });

  it("prefers the title stored with the notification, then the request's, then says it has none", () => {
    expect(describeNotification(zh, { kind: "offer.new", requestTitle: "现在的标题", data: { title: "当时的标题" } }).headline).toContain(
      "当时的标题",
    );
    expect(describeNotification(zh, { kind: "offer.new", requestTitle: "现在的标题" }).headline).toContain("现在的标题");
    expect(describeNotification(zh, { kind: "offer.new" }).headline).toContain("（无标题）");
  });
});

describe("an annual appraisal, told to the expert", () => {
  const facts = { kind: "expert.appraised", data: { year: 2026, grade: "incompetent", reason: "多次超时未答复派单。" } };
  it("says the year and the grade in the reader's language, with the comment, and leads to the expert's appraisals", () => {
    expect(describeNotification(zh, facts)).toEqual({
      headline: "您的 2026 年度考核等次已评定：不称职。",
      details: ["说明：多次超时未答复派单。"],
    });
    expect(describeNotification(en, facts).headline).toBe("Your annual appraisal for 2026 is recorded: Incompetent.");
    expect(notificationPath(facts)).toBe("/account/appraisals");
  });
});

describe("a new application, told to its district's admins", () => {
  const facts = { kind: "application.submitted", data: { applicationId: "a1", kind: "join", name: "钱律师" } };

  it("names the applicant and the kind of application", () => {
    expect(describeNotification(zh, facts).headline).toBe("钱律师 申请加入专家库，待本区县审核。");
    expect(describeNotification(en, { ...facts, data: { ...facts.data, kind: "change" } }).headline).toContain("Expert 钱律师 asked to change");
  });

  it("leads to the application (and a request's notice to its request), in the inbox and the e-mail", () => {
    expect(notificationPath(facts)).toBe("/admin/applications/a1");
    expect(notificationPath({ kind: "offer.new", requestId: "r1" })).toBe("/requests/r1");
    expect(notificationPath({ kind: "expert.decision", data: { applicationId: "a1" } })).toBeNull();
    const mail = composeNotificationEmail({ ...facts, recipientName: "管理员", locale: "zh-CN", baseUrl: "https://roster.example.org/" });
    expect(mail.text).toContain("https://roster.example.org/admin/applications/a1");
  });
});

describe("notification e-mail", () => {
  it("is one-line-subject plain text with a link to the request", () => {
    const mail = composeNotificationEmail({
      kind: "message.new",
      data: { title: "租金\r\nBcc: victim@example.com", author: "王律师", excerpt: "<b>周三</b>见" },
      recipientName: "张经理",
      locale: "zh-CN",
      requestId: "0f0f0f0f-0000-4000-8000-000000000000",
      baseUrl: "https://roster.example/",
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe("【专家库】王律师 在“租金 Bcc: victim@example.com”中留言。");
    expect(mail.text).toContain("张经理，您好：");
    expect(mail.text).toContain("“<b>周三</b>见”");
    expect(mail.text).toContain("https://roster.example/requests/0f0f0f0f-0000-4000-8000-000000000000");
  });

  it("falls back to Chinese for an unknown locale and links to the inbox without a request", () => {
    const mail = composeNotificationEmail({ kind: "expert.appointed", recipientName: "李", locale: "fr", baseUrl: "http://localhost:3000" });
    expect(mail.subject).toBe("【专家库】您已被聘任为首席法律咨询专家。");
    expect(mail.text).toContain("http://localhost:3000/inbox");
  });
});

describe("roster decisions in words", () => {
  it("says what happened to the expert, not just that there is a decision", () => {
    const t = translator("zh-CN");
    expect(describeNotification(t, { kind: "expert.decision", data: { decision: "suspended", reason: "年检未通过" } })).toEqual({
      headline: "您的专家资格已被暂停，暂停期间不再派单。",
      details: ["说明：年检未通过"],
    });
    expect(describeNotification(translator("en"), { kind: "expert.decision", data: { decision: "rejected" } }).headline).toBe(
      "Your application to join the roster was not approved.",
    );
    expect(describeNotification(t, { kind: "expert.decision", data: {} }).headline).toBe("您的入库申请已有结果。");
  });
});
