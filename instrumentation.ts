/**
 * Runs once when a server process starts: client addresses are recorded per request, the
 * embedded database migrates (and seeds) itself, then the background workers start on whichever database is in use.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: lets throttling see each request's socket address.
  const { stampPeerAddress } = await import("./lib/auth/client-address");
  stampPeerAddress();
  const { startServerProcess } = await import("./lib/server-start");
  await startServerProcess();
}
