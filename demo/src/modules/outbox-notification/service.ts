import { randomBytes } from "node:crypto"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { renderEmailPage, renderMessage } from "./render"

type InjectedDependencies = { logger: Logger }

export type OutboxNotificationOptions = {
  /** Folder for the emails; defaults to the repo's `.demo/outbox` when the app runs from `demo/`. */
  dir?: string
}

type Notification = NotificationTypes.ProviderSendNotificationDTO

const slug = (text: string) => text.replace(/[^a-zA-Z0-9.@_-]+/g, "_").slice(0, 60)

/** What a script needs from one email: who, what, when, the text and the template data. */
function summary(notification: Notification, sentAt: Date) {
  const { to, channel, template, content, data } = notification
  return {
    to,
    channel,
    template,
    subject: content?.subject ?? null,
    sent_at: sentAt,
    text: content?.text ?? null,
    data,
  }
}

/**
 * A demo email provider: every notification becomes an HTML page (QR codes inlined) plus
 * its text and data, in a folder a person can open, instead of a real email.
 */
export class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "outbox"

  protected readonly logger_: Logger
  protected readonly dir_: string

  static validateOptions(options: Record<string, unknown>): void {
    if (options.dir !== undefined && (typeof options.dir !== "string" || !options.dir)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'outbox: option "dir" must be a folder path')
    }
  }

  constructor({ logger }: InjectedDependencies, options: OutboxNotificationOptions) {
    super()
    this.logger_ = logger
    this.dir_ = path.resolve(options.dir || path.join(process.cwd(), "..", ".demo", "outbox"))
  }

  async send(notification: Notification): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const sentAt = new Date()
    // Sortable by time; the random tail keeps two emails in the same millisecond apart.
    const stamp = sentAt.toISOString().replace(/[:.]/g, "-")
    const id = `${stamp}_${notification.template}_${slug(notification.to)}_${randomBytes(2).toString("hex")}`
    const file = (ext: string) => path.join(this.dir_, `${id}.${ext}`)
    // The emails hold activation codes: owner-only, like the demo's .env.
    await mkdir(this.dir_, { recursive: true, mode: 0o700 })
    const write = (ext: string, text: string) => writeFile(file(ext), text, { mode: 0o600 })
    await Promise.all([
      write("html", renderEmailPage(notification, sentAt)),
      ...(notification.content?.html ? [write("email.html", renderMessage(notification))] : []),
      write("txt", notification.content?.text ?? ""),
      write("json", JSON.stringify(summary(notification, sentAt), null, 2) + "\n"),
    ])
    const what = notification.template === "esim-delivered" ? "eSIM email" : `Email "${notification.template}"`
    this.logger_.info(`${what} for ${notification.to} → ${file("html")}`)
    return { id }
  }
}
