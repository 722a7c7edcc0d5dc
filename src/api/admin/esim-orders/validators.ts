import { z } from "@medusajs/framework/zod"

/** Retry and resend take no body; unknown fields are refused. */
export const AdminEsimOrderAction = z.object({}).strict()
export type AdminEsimOrderAction = z.infer<typeof AdminEsimOrderAction>
