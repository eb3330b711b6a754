"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";
import { nextStep, type SchemaLoader } from "./submission";

export interface FormMessage {
  text: string;
  tone: "error" | "success";
}

export interface ServerActionOptions<I, T> {
  /** The action's own zod schema, checked in the browser first: a confirmation is only asked of input that can pass. */
  schema?: SchemaLoader;
  /** The question to confirm before the action runs (a destructive or final step); null runs it at once. */
  confirm?: (input: I) => string | null;
  successMessage?: (data: T) => string;
  onSuccess?: (data: T, input: I) => void | Promise<void>;
  /** The input did not go through (refused by the schema or by the action), with the messages the hook now shows. */
  onFailure?: (failure: ActionFailure, input: I) => void;
  /** A success goes to another page: the form stays pending so it cannot be sent twice, and nothing refreshes. */
  leavesPage?: boolean;
}

/** Why an input did not go through: the form message and the field messages, keyed by the action's field paths. */
export interface ActionFailure {
  message: string;
  fields: Record<string, string>;
}

/** What a confirmation dialog needs; `question` is null while nothing waits to be confirmed. */
export interface Confirmation {
  question: string | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The one way a form calls a server action: check the input, ask for a confirmation when the step
 * needs one, run the action, then show its field messages and form message (already in the user's
 * language). A success refreshes the page's server data here, once, with `router.refresh()`;
 * actions do not revalidate paths themselves. `generation` grows with each success, so a form can
 * key its fields on it to start afresh.
 */
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: ServerActionOptions<I, T> = {}) {
  const { schema, confirm, successMessage, onSuccess, onFailure, leavesPage = false } = options;
  const { t, has } = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [generation, setGeneration] = useState(0);
  const [asking, setAsking] = useState<{ input: I; question: string } | null>(null);

  function fail(input: I, text: string, fieldMessages: Record<string, string> = {}) {
    setFields(fieldMessages);
    setMessage({ text, tone: "error" });
    onFailure?.({ message: text, fields: fieldMessages }, input);
  }

  async function execute(input: I): Promise<T | null> {
    setPending(true);
    setMessage(null);
    let result: ActionResult<T>;
    try {
      result = await action(input);
    } catch (error) {
      console.error(error);
      result = { ok: false, code: "internal", message: t("errors.internal") };
    }
    setAsking(null);
    if (!result.ok) {
      fail(input, result.message, result.fields);
      setPending(false);
      return null;
    }
    setFields({});
    setMessage(successMessage ? { text: successMessage(result.data), tone: "success" } : null);
    setGeneration((g) => g + 1);
    await onSuccess?.(result.data, input);
    if (!leavesPage) {
      setPending(false);
      router.refresh();
    }
    return result.data;
  }

  /** Checks the input, asks the confirmation if one is due, else runs the action. */
  async function run(input: I): Promise<T | null> {
    const step = await nextStep(input, { schema, confirm, messages: { t, has } });
    if (step.kind === "invalid") {
      fail(input, t("errors.invalidInput"), step.fields);
      return null;
    }
    if (step.kind === "confirm") {
      setFields({});
      setMessage(null);
      setAsking({ input, question: step.question });
      return null;
    }
    return execute(input);
  }

  /** An onSubmit handler that builds the action's input from the form's data. */
  function submitWith(toInput: (form: FormData) => I) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void run(toInput(new FormData(event.currentTarget)));
    };
  }

  const confirmation: Confirmation = {
    question: asking?.question ?? null,
    pending,
    onConfirm: () => {
      if (asking) void execute(asking.input);
    },
    onCancel: () => setAsking(null),
  };

  return { run, submitWith, pending, fields, message, generation, confirmation };
}

/** A server action that takes a form's data; every action built with the wrapper accepts one. */
export type FormAction<T = unknown> = (form: FormData) => Promise<ActionResult<T>>;

/** FormData holding the given fields, for an action run without a form of its own (a single button). */
export function formDataOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}
