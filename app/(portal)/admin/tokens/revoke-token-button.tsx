"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { revokeTokenAction } from "./actions";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const { t } = useT();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="danger"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(t("tokens.revokeConfirm", { name }))) return;
        startTransition(async () => {
          await revokeTokenAction({ id });
        });
      }}
    >
      {t("tokens.revoke")}
    </Button>
  );
}
