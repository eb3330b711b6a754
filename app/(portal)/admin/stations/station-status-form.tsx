"use client";

import { ActionForm } from "@/components/ui/action-form";
import { useT } from "@/lib/i18n/client";
import { closeStationAction, reopenStationAction } from "./actions";

/** Close an open station, or reopen a closed one, after a confirmation that says what follows. */
export function StationStatusForm({ stationId, name, closed }: { stationId: string; name: string; closed: boolean }) {
  const { t } = useT();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t(closed ? "stations.admin.reopenHint" : "stations.admin.closeHint")}</p>
      {closed ? (
        <ActionForm
          action={reopenStationAction}
          hidden={{ stationId }}
          submitLabel={t("stations.admin.reopen")}
          confirm={t("stations.admin.reopenConfirm", { name })}
          success={t("stations.admin.reopenedDone")}
        />
      ) : (
        <ActionForm
          action={closeStationAction}
          hidden={{ stationId }}
          variant="danger"
          submitLabel={t("stations.admin.close")}
          confirm={t("stations.admin.closeConfirm", { name })}
          success={t("stations.admin.closedDone")}
        />
      )}
    </div>
  );
}
