import { z } from "zod";
import { regionLevels } from "@/lib/enums";

// The answers of the reference-data routes (specialties, regions), as they are on the wire.

export const specialtiesResponse = z.array(z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string() }));

export const regionsResponse = z.array(
  z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string(), parentCode: z.string().nullable(), level: z.enum(regionLevels) }),
);
