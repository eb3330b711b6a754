import { database } from "@/db";
import { prepareDatabase } from "@/db/prepare";

const db = database();
const { seeded } = await prepareDatabase(db, { seedDemo: true });
console.log(seeded ? "Demo world seeded." : "The database already has accounts; nothing seeded.");
await db.close();
