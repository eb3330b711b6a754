import { integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { regionLevelEnum, requestCategoryEnum } from "./enums";

/** GB/T 2260 administrative divisions: 6-digit codes down to county, 9-digit for towns and streets. */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  level: regionLevelEnum("level").notNull(),
  parentCode: text("parent_code").references((): AnyPgColumn => regions.code),
});

/** The controlled taxonomy of expert specialties. */
export const specialties = pgTable("specialties", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/**
 * The specialties a request category implies (specialty codes, checked when written): matching uses
 * them when the company chose none. Installed by the migration that made the table (so an empty
 * server has them), then the zone's admins' to change (lib/routing/category-specialties.ts).
 */
export const categorySpecialties = pgTable("category_specialties", {
  category: requestCategoryEnum("category").primaryKey(),
  specialtyCodes: text("specialty_codes").array().notNull().default([]),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Rules the law society sets (routing weights, deadlines); every change is also an event. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
