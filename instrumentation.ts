/**
 * Runs once when a server process starts: the embedded database migrates (and seeds) itself,
 * then the background workers start on whichever database is in use.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server-start");
  await startServerProcess();
}
