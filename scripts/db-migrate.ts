import { database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";

const db = database();
await migrateDatabase(db);
await db.db.transaction((tx) => seedReferenceData(tx));
console.log(`Migrated the ${db.kind === "postgres" ? "PostgreSQL" : "embedded"} database.`);
await db.close();
