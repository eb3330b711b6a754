/** Runs once when a server process starts: the embedded database migrates (and seeds) itself. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareEmbeddedDatabase } = await import("./db/embedded");
  await prepareEmbeddedDatabase();
}
