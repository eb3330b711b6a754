import net, { type AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { queuePolicies } from "@/lib/jobs/policy";
import { startWorkers } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/test/database";
import { createAdminActor } from "@/test/fixtures";
import { notify } from "./notify";
import { setMailSettingsForTests } from "./send-email";

useTestDatabase();

/**
 * The bound that matters: a mail job must fail by its own timeouts before the queue would take it
 * for lost. Polls end as soon as their condition holds; this only bounds a slow, loaded machine.
 */
const WITHIN_EXPIRY_MS = queuePolicies["notification.email"].expireInSeconds * 1000;

describe("a mail server that accepts a connection and never answers", () => {
  const delivered: string[] = [];
  const held = new Set<net.Socket>();
  let smtp: SMTPServer;
  let front: net.Server;
  let connections = 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    // The first connection is accepted and then left silent; later ones reach the real server.
    front = net.createServer((socket) => {
      held.add(socket);
      socket.on("close", () => held.delete(socket));
      connections += 1;
      if (connections === 1) return;
      const upstream = net.connect(smtpPort, "127.0.0.1");
      socket.pipe(upstream).pipe(socket);
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const port = (front.address() as AddressInfo).port;
    setMailSettingsForTests({ host: "127.0.0.1", port, secure: false, from: "专家库 <no-reply@roster.example>" });
  });

  afterAll(async () => {
    setMailSettingsForTests(undefined);
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("holds up only the mail it is sending, which fails within the greeting timeout and is retried", { timeout: 4 * WITHIN_EXPIRY_MS }, async () => {
    const [first, second] = [await createAdminActor(), await createAdminActor()];
    await db.transaction((tx) => notify(tx, { userIds: [first!.userId, second!.userId], kind: "message.new", data: { title: "T", author: "专家" } }));
    const started = Date.now();
    await startWorkers();

    // One of the two meets the silent connection; the other is delivered meanwhile.
    await expect.poll(() => delivered.length, { timeout: WITHIN_EXPIRY_MS, interval: 100 }).toBe(1);
    const stuck = delivered.includes(first!.email) ? second! : first!;

    const stateOfStuck = async () =>
      rowsOf<{ state: string; message: string | null }>(
        await db.execute(sql`
          select j.state, j.output->>'message' as message from pgboss.job j
          join notifications n on n.id::text = j.data->>'notificationId'
          where j.name = 'notification.email' and n.user_id = ${stuck.userId}`),
      )[0];
    // Failed by its own timeout, well before the queue would count the job as lost (its expiry).
    await expect.poll(async () => (await stateOfStuck())?.state, { timeout: WITHIN_EXPIRY_MS, interval: 200 }).toBe("retry");
    expect(Date.now() - started).toBeLessThan(WITHIN_EXPIRY_MS);
    expect((await stateOfStuck())?.message).toMatch(/greeting/i);

    // Its retry (brought forward) reaches the mail server on a new connection.
    await db.execute(sql`update pgboss.job set start_after = now() where name = 'notification.email' and state = 'retry'`);
    await expect.poll(() => delivered.includes(stuck.email), { timeout: WITHIN_EXPIRY_MS, interval: 100 }).toBe(true);
  });
});
