import { database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { prepareJobQueue } from "@/lib/jobs/queue";

const db = database();
await migrateDatabase(db);
await db.db.transaction((tx) => seedReferenceData(tx));
// The job queue's own schema and queues, so the app's first start finds them in place.
await prepareJobQueue(db);
console.log(`Migrated the ${db.kind === "postgres" ? "PostgreSQL" : "embedded"} database (with the job queue).`);
await db.close();
