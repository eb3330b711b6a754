/** Sends a file as the multipart field "file" to an upload route, which checks the type by content and the size. */
export async function postFile(url: string, file: File): Promise<{ ok: true } | { ok: false; message: string }> {
  const form = new FormData();
  form.set("file", file);
  try {
    const response = await fetch(url, { method: "POST", body: form });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
    return { ok: false, message: body?.error?.fields?.file ?? body?.error?.message ?? response.statusText };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
