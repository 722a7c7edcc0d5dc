import { CheckCircleSolid, ExclamationCircle } from "@medusajs/icons"
import { Button, Skeleton, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { requestErrorText } from "../lib/format"

/** Placeholder rows while a section loads, shaped like the content to come. */
export const SectionSkeleton = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, index) => (
      <Skeleton key={index} className="h-5 w-full" />
    ))}
  </div>
)

type SectionErrorProps = { title: string; error: unknown; onRetry?: () => void }

/** A failed load: what failed, the server's words, and a way to try again. */
export const SectionError = ({ title, error, onRetry }: SectionErrorProps) => (
  <div role="alert" className="flex flex-col items-center gap-y-2 px-6 py-8 text-center">
    <ExclamationCircle className="text-ui-fg-error" />
    <Text size="small" weight="plus">
      {title}
    </Text>
    <Text size="small" className="text-ui-fg-subtle">
      {requestErrorText(error)}
    </Text>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)

type SectionEmptyProps = { title: string; description?: ReactNode; positive?: boolean }

/** Nothing to show, said plainly; "positive" empties (nothing needs attention) get a check mark. */
export const SectionEmpty = ({ title, description, positive }: SectionEmptyProps) => (
  <div className="flex flex-col items-center gap-y-1 px-6 py-8 text-center">
    {positive && <CheckCircleSolid className="text-ui-fg-interactive mb-1" />}
    <Text size="small" weight="plus">
      {title}
    </Text>
    {description && (
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    )}
  </div>
)
