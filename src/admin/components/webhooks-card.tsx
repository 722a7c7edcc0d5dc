import { Button, Container, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { ReactNode } from "react"
import { useConnectEsimflyWebhooks, useEsimflyWebhooks } from "../hooks/use-esimfly-webhooks"
import { formatDateTime, formatRelative, requestErrorText } from "../lib/format"
import { EsimflyWebhooks } from "../lib/types"
import { CardHeader } from "./card-header"
import { SectionError, SectionSkeleton } from "./section-states"

const SOURCE_WORDS: Record<string, string> = {
  connected: "Connected",
  option: "Secret from the webhookSecret option",
}

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="grid grid-cols-[160px_1fr] gap-3 px-6 py-2">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" className="break-all" data-testid={testId}>
      {children}
    </Text>
  </div>
)

const when = (iso: string | null) => (iso ? `${formatRelative(iso)} (${formatDateTime(iso)})` : "never")

const WebhookRows = ({ webhooks }: { webhooks: EsimflyWebhooks }) => (
  <div className="py-2">
    <Row label="Status" testId="esim-webhooks-status">
      <StatusBadge color={webhooks.connected ? "green" : "orange"}>
        {webhooks.source ? SOURCE_WORDS[webhooks.source] : "Not connected"}
      </StatusBadge>
    </Row>
    <Row label="URL">{webhooks.url ?? "—"}</Row>
    <Row label="Events">{webhooks.events.length ? webhooks.events.join(", ") : "—"}</Row>
    <Row label="Connected">{when(webhooks.connected_at)}</Row>
    <Row label="Last event" testId="esim-webhooks-last-event">
      {webhooks.last_event ? `${webhooks.last_event}, ${when(webhooks.last_event_at)}` : "none received yet"}
    </Row>
    <Row label="Refused signatures" testId="esim-webhooks-failed-signatures">
      {webhooks.failed_signatures}
      {webhooks.last_failed_signature_at ? `, the last ${when(webhooks.last_failed_signature_at)}` : ""}
    </Row>
    <Row label="Events waiting / failed">
      {webhooks.waiting_events} / {webhooks.failed_events}
    </Row>
  </div>
)

const reconnectPrompt = {
  title: "Reconnect esimfly's webhooks?",
  description:
    "esimfly issues a new signing secret and the old one stops working at once. Deliveries esimfly still retries are signed with the new secret.",
  confirmText: "Reconnect",
  cancelText: "Cancel",
  variant: "confirmation" as const,
}

/** esimfly's webhooks: connected or not, where to, the last event and refused signatures, and Connect / Reconnect. */
export const WebhooksCard = () => {
  const { data: webhooks, error, isPending, refetch } = useEsimflyWebhooks()
  const connect = useConnectEsimflyWebhooks()
  const prompt = usePrompt()
  const connected = webhooks?.source === "connected"

  const run = async () => {
    if (connected && !(await prompt(reconnectPrompt))) {
      return
    }
    connect.mutate(undefined, {
      onSuccess: ({ webhooks }) => toast.success("Webhooks connected", { description: webhooks.url ?? undefined }),
      onError: (err) => toast.error("Could not connect the webhooks", { description: requestErrorText(err) }),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="esim-webhooks">
      <CardHeader
        title="Webhooks"
        description="esimfly tells the store when an eSIM is installed, runs low or changes status."
        actions={
          <Button
            size="small"
            variant="secondary"
            isLoading={connect.isPending}
            disabled={connect.isPending || !webhooks}
            onClick={run}
            data-testid="esim-webhooks-connect"
          >
            {connected ? "Reconnect (rotates the secret)" : "Connect webhooks"}
          </Button>
        }
      />
      {isPending && <SectionSkeleton rows={3} />}
      {error && <SectionError title="Could not read the webhook status" error={error} onRetry={() => refetch()} />}
      {webhooks && <WebhookRows webhooks={webhooks} />}
    </Container>
  )
}
