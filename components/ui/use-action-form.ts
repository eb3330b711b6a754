"use client";

import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/server-action";

export interface FormMessage {
  text: string;
  tone: "error" | "success";
}

/**
 * Submits a whole form to a server action as FormData: `pending` while it runs, the field messages
 * and the form-level message on a failure; on a success the fields clear, `successMessage` shows and
 * `onSuccess` runs. A form that goes to another page on success (`leavesPage`) stays pending, so it
 * cannot be sent twice while it signs in or navigates.
 */
export function useActionForm<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  {
    successMessage,
    onSuccess,
    leavesPage = false,
  }: {
    successMessage: (data: T) => string;
    onSuccess: (data: T, form: FormData) => void | Promise<void>;
    leavesPage?: boolean;
  },
) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await action(form);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setMessage({ text: result.message, tone: "error" });
      setPending(false);
      return;
    }
    if (!leavesPage) setPending(false);
    setFields({});
    setMessage({ text: successMessage(result.data), tone: "success" });
    await onSuccess(result.data, form);
  }

  return { fields, message, pending, submit };
}
