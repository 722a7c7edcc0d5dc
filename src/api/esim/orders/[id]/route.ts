import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadEsimPageConfig } from "../../page-context"
import { renderEsimPage } from "../../page-shell"

/**
 * The hosted eSIM page (docs/esim-page.md): a shell with no eSIM data. Its script reads the guest
 * token from the URL fragment, which browsers never send, and asks the store routes with it.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const lang = typeof req.query.lang === "string" ? req.query.lang : undefined
  const page = renderEsimPage(await loadEsimPageConfig(req.scope, req.params.id, lang))
  res.status(200).set(page.headers).send(page.html)
}
