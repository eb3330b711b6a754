// A form's unsent draft, kept in this browser's localStorage so a reload does not lose it (the
// filing wizard and the roster application). Only what the form's own code puts in: never a
// password, never a file. A full or blocked storage only costs the reload safety net.

/** The stored value under `key`, parsed, or null (none, unreadable, storage blocked). */
export function loadStoredDraft(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

export function saveStoredDraft(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked storage only costs the reload safety net.
  }
}

export function clearStoredDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}
