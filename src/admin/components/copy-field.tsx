import { Copy, Text } from "@medusajs/ui"

type CopyFieldProps = { label: string; value: string | null | undefined }

/** A labelled install value in monospace with a copy button; a dash when esimfly did not send it. */
export const CopyField = ({ label, value }: CopyFieldProps) => (
  <div className="grid grid-cols-[120px_1fr] items-start gap-x-3">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    {value ? (
      <div className="flex min-w-0 items-start gap-x-1">
        <Text size="small" leading="compact" className="break-all font-mono">
          {value}
        </Text>
        <Copy content={value} variant="mini" aria-label={`Copy ${label}`} className="shrink-0" />
      </div>
    ) : (
      <Text size="small" leading="compact" className="text-ui-fg-muted">
        —
      </Text>
    )}
  </div>
)
