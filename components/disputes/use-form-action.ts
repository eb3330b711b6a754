"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/http/server-action";

/**
 * Runs a server action from a form: pending state, the form-level message and the field messages
 * (already in the user's language), and a refresh of the page's server data after a success.
 */
export function useFormAction<I, T>(serverAction: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run(input: I): Promise<T | null> {
    setPending(true);
    setError(null);
    try {
      const result = await serverAction(input);
      if (!result.ok) {
        setFields(result.fields ?? {});
        setError(result.message);
        return null;
      }
      setFields({});
      router.refresh();
      return result.data;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, fields, reset: () => (setError(null), setFields({})) };
}
