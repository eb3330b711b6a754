import { describe, expect, it } from "vitest";
import { MAIL_TIMEOUTS_MS } from "@/lib/notifications/send-email";
import { queuePolicies } from "./policy";

describe("the mail queues' policy", () => {
  const mailQueues = ["notification.email", "account.password-link"] as const;

  it("lets a delivery use all its timeouts before the queue counts it as lost", () => {
    const longest = MAIL_TIMEOUTS_MS.connectionTimeout + MAIL_TIMEOUTS_MS.greetingTimeout + MAIL_TIMEOUTS_MS.socketTimeout;
    for (const name of mailQueues) expect(queuePolicies[name].expireInSeconds * 1000, name).toBeGreaterThan(longest);
  });

  it("sends several mails at once in each process", () => {
    for (const name of mailQueues) expect(queuePolicies[name].workers * queuePolicies[name].batchSize, name).toBeGreaterThan(1);
  });
});
