import { Badge, Copy, Text } from "@medusajs/ui"
import { formatValidity } from "../lib/format"
import { httpsHref } from "../lib/safe-url"
import { Esim } from "../lib/types"
import { CopyField } from "./copy-field"
import { EsimTimelineDrawer } from "./esim-timeline-drawer"

const QrImage = ({ esim }: { esim: Esim }) =>
  esim.qr_code_data_url ? (
    <img
      alt={`eSIM QR code for ${esim.iccid}`}
      src={esim.qr_code_data_url}
      className="border-ui-border-base size-32 shrink-0 rounded-lg border bg-white p-1"
    />
  ) : (
    <div className="border-ui-border-base bg-ui-bg-subtle flex size-32 shrink-0 items-center justify-center rounded-lg border border-dashed p-2 text-center">
      <Text size="xsmall" className="text-ui-fg-muted">
        No QR yet: esimfly sent no LPA
      </Text>
    </div>
  )

const InstallLinks = ({ esim }: { esim: Esim }) => {
  const links = [
    { label: "iPhone install link", href: httpsHref(esim.apple_install_url) },
    { label: "Android install link", href: httpsHref(esim.android_install_url) },
  ].filter((link): link is { label: string; href: string } => !!link.href)
  if (!links.length) {
    return null
  }
  return (
    <div className="flex flex-wrap gap-x-3">
      {links.map((link) => (
        <a
          key={link.label}
          href={link.href}
          target="_blank"
          rel="noreferrer"
          className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
        >
          {link.label}
        </a>
      ))}
    </div>
  )
}

/** One delivered eSIM: its QR code, ICCID and the manual install codes, each copyable, and its timeline. */
export const EsimCard = ({ esim }: { esim: Esim }) => (
  <div data-testid="esim-row" data-iccid={esim.iccid} className="flex flex-col gap-4 py-4 sm:flex-row">
    <QrImage esim={esim} />
    <div className="flex min-w-0 flex-1 flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus" className="font-mono">
          {esim.iccid}
        </Text>
        <Copy content={esim.iccid} variant="mini" aria-label="Copy ICCID" />
        <Badge size="2xsmall">{esim.status}</Badge>
        <EsimTimelineDrawer iccid={esim.iccid} />
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {[
          esim.package_name ?? esim.package_code,
          esim.data_amount,
          esim.validity_days !== null ? formatValidity(esim.validity_days) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      <CopyField label="LPA" value={esim.lpa} />
      <CopyField label="SM-DP+ address" value={esim.smdp_address} />
      <CopyField label="Activation code" value={esim.activation_code} />
      <InstallLinks esim={esim} />
    </div>
  </div>
)
