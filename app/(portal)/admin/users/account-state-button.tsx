"use client";

import { ConfirmAction } from "@/components/routing/confirm-action";
import { useT } from "@/lib/i18n/client";
import { disableUserAction, enableUserAction } from "./actions";

/** Disable or enable one account, with a reason for the audit trail and a confirmation. */
export function AccountStateButton({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const { t } = useT();
  return disabled ? (
    <ConfirmAction
      action={enableUserAction}
      input={{ userId }}
      label={t("accounts.users.enable")}
      title={t("accounts.users.enableTitle", { name })}
      hint={t("accounts.users.enableHint")}
      size="small"
    />
  ) : (
    <ConfirmAction
      action={disableUserAction}
      input={{ userId }}
      label={t("accounts.users.disable")}
      title={t("accounts.users.disableTitle", { name })}
      hint={t("accounts.users.disableHint")}
      variant="danger"
      size="small"
    />
  );
}
