"use client";

import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { inviteMemberAction } from "./actions";

/** A colleague's e-mail and name: the invitation goes out, and the list shows them as invited at once. */
export function InviteForm() {
  const { t } = useT();
  const { submitWith, pending, fields, message, generation } = useServerAction(inviteMemberAction, {
    schema: () => import("@/lib/companies/schemas").then((m) => m.inviteMemberSchema),
    successMessage: (data) => t("companies.members.invited", { email: data.email }),
  });
  return (
    <form key={generation} onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="email" label={t("companies.members.email")} error={fields.email}>
          {(aria) => <TextInput {...aria} name="email" type="email" autoComplete="off" required />}
        </Field>
        <Field id="name" label={t("companies.members.name")} error={fields.name}>
          {(aria) => <TextInput {...aria} name="name" autoComplete="off" required maxLength={50} />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("companies.members.inviting") : t("companies.members.inviteSubmit")}
      </Button>
    </form>
  );
}
