import { z } from "@medusajs/framework/zod"
import { TOP_UP_STATUSES } from "../../../modules/esim/models/esim-top-up"
import { integerParam } from "../../utils/integer-param"

const id = (field: string) => z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: `Field '${field}' must be an id` })

/** Filters of the plugin's top-ups. */
export const AdminListEsimTopUps = z
  .object({
    status: z.union([z.enum(TOP_UP_STATUSES), z.array(z.enum(TOP_UP_STATUSES))]).optional(),
    order_id: id("order_id").optional(),
    iccid: id("iccid").optional(),
    limit: z.preprocess(integerParam, z.number().int().min(1).max(100).default(20)),
    offset: z.preprocess(integerParam, z.number().int().min(0).default(0)),
  })
  .strict()
export type AdminListEsimTopUps = z.infer<typeof AdminListEsimTopUps>

/** Retry takes no body; unknown fields are refused. */
export const AdminEsimTopUpAction = z.object({}).strict()
export type AdminEsimTopUpAction = z.infer<typeof AdminEsimTopUpAction>
