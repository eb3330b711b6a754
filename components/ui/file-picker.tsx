"use client";

import { useState } from "react";
import { FormAlert } from "@/components/ui/field";
import { formatBytes } from "@/components/ui/format-bytes";

/** The largest file the server takes (MAX_ATTACHMENT_BYTES, lib/requests/attachment-type.ts); checked here so nobody waits for an upload that will be refused. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Files chosen to upload later (after a form is sent): a button-styled file input, the chosen files
 * with their sizes and a remove button each, and the files above MAX_FILE_BYTES left out and named.
 * The input has no name: the files never travel with the form itself.
 */
export function FilePicker({
  id,
  accept,
  files,
  setFiles,
  labels,
  testId,
}: {
  id: string;
  accept: string;
  files: File[];
  setFiles: (files: File[]) => void;
  labels: { choose: string; remove: string; tooLarge: (name: string) => string };
  testId?: string;
}) {
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  function add(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    setTooLarge(chosen.filter((f) => f.size > MAX_FILE_BYTES).map((f) => f.name));
    setFiles([...files, ...chosen.filter((f) => f.size <= MAX_FILE_BYTES)]);
  }
  return (
    <>
      <FormAlert message={tooLarge.map(labels.tooLarge).join(" ") || null} />
      <div>
        <input
          id={id}
          type="file"
          multiple
          accept={accept}
          className="peer sr-only"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
        <label
          htmlFor={id}
          className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 hover:bg-slate-100"
        >
          {labels.choose}
        </label>
      </div>
      {files.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid={testId}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="min-w-0 break-all">
                {f.name} <span className="text-xs text-slate-500">({formatBytes(f.size)})</span>
              </span>
              <button type="button" className="shrink-0 text-red-700 hover:underline" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
