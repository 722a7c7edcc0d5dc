import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OutboxNotificationService } from "./service"

/** The demo's "email" channel: writes each email to a folder instead of sending it. */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [OutboxNotificationService],
})
