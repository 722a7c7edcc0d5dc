import { Heading, Text, clx } from "@medusajs/ui"
import { ReactNode } from "react"

type CardTitleProps = { title: ReactNode; description: ReactNode; descriptionTestId?: string }

/** A card's h2 title with its one-line description under it. */
export const CardTitle = ({ title, description, descriptionTestId }: CardTitleProps) => (
  <div>
    <Heading level="h2">{title}</Heading>
    <Text size="small" className="text-ui-fg-subtle" data-testid={descriptionTestId}>
      {description}
    </Text>
  </div>
)

const ALIGN = { start: "items-start", center: "items-center", end: "items-end" }

type CardHeaderProps = CardTitleProps & { actions?: ReactNode; align?: keyof typeof ALIGN }

/** The top row of a card: its title and description, and its actions on the right. */
export const CardHeader = ({ actions, align = "start", ...title }: CardHeaderProps) => (
  <div className={clx("flex flex-wrap justify-between gap-3 px-6 py-4", ALIGN[align])}>
    <CardTitle {...title} />
    {actions}
  </div>
)
