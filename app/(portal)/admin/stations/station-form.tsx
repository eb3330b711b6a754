"use client";

import { ZoneRegionOptions } from "@/components/roster/zone-region-options";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import type { StationRegionGroup } from "@/lib/stations/region-choices";
import { createStationAction, updateStationAction } from "./actions";

export interface StationFormValues {
  id: string;
  name: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
}

/**
 * A station's name, place and how to reach it: empty to add one, or filled in to change `station`.
 * The regions offered are those of the admin's district.
 */
export function StationForm({ regionGroups, station }: { regionGroups: StationRegionGroup[]; station?: StationFormValues }) {
  const { t } = useT();
  const { submitWith, pending, fields, message, generation } = useServerAction(station ? updateStationAction : createStationAction, {
    schema: () => import("@/lib/stations/schemas").then((m) => (station ? m.editStationFormSchema : m.createStationSchema)),
    successMessage: () => t(station ? "stations.admin.saved" : "stations.admin.created"),
  });
  // A new station starts afresh after each success; an edited one keeps what was saved.
  const formKey = station ? station.id : generation;

  return (
    <form
      key={formKey}
      noValidate
      className="space-y-4"
      onSubmit={submitWith((form) => {
        if (station) form.set("stationId", station.id);
        return form;
      })}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="station-name" label={t("stations.fields.name")} hint={t("stations.fields.nameHint")} error={fields.name}>
          {(aria) => <TextInput {...aria} name="name" required maxLength={100} defaultValue={station?.name} />}
        </Field>
        <Field id="station-region" label={t("stations.fields.region")} error={fields.regionCode}>
          {(aria) => (
            <select {...aria} name="regionCode" required defaultValue={station?.regionCode ?? ""} className={inputClass}>
              <option value="">{t("stations.fields.regionPlaceholder")}</option>
              <ZoneRegionOptions groups={regionGroups} />
            </select>
          )}
        </Field>
        <div className="md:col-span-2">
          <Field id="station-address" label={t("stations.fields.address")} error={fields.address}>
            {(aria) => (
              <TextInput {...aria} name="address" required maxLength={200} autoComplete="street-address" defaultValue={station?.address ?? ""} />
            )}
          </Field>
        </div>
        <Field id="station-phone" label={t("stations.fields.phone")} hint={t("stations.fields.phoneHint")} error={fields.phone}>
          {(aria) => <TextInput {...aria} name="phone" type="tel" inputMode="tel" maxLength={20} defaultValue={station?.phone ?? ""} />}
        </Field>
        <Field id="station-hours" label={t("stations.fields.hours")} hint={t("stations.fields.hoursHint")} error={fields.hours}>
          {(aria) => <TextInput {...aria} name="hours" maxLength={200} defaultValue={station?.hours ?? ""} />}
        </Field>
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t(station ? "stations.admin.save" : "stations.admin.create")}
      </Button>
    </form>
  );
}
