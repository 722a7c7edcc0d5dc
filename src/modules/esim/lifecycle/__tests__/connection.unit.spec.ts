import type EsimModuleService from "../../service"
import { connectWebhooks, WEBHOOK_EVENTS_USED, webhookUrlFor } from "../connection"

describe("webhookUrlFor", () => {
  it("appends /hooks/esimfly to option webhookUrl, which wins over the backend URL", () => {
    expect(webhookUrlFor("https://shop.example", "https://api.shop.example")).toBe("https://shop.example/hooks/esimfly")
    expect(webhookUrlFor("https://shop.example/medusa/", undefined)).toBe("https://shop.example/medusa/hooks/esimfly")
  })

  it("keeps a URL that already ends in /hooks/esimfly, and drops a query or fragment", () => {
    expect(webhookUrlFor("https://shop.example/hooks/esimfly/", undefined)).toBe("https://shop.example/hooks/esimfly")
    expect(webhookUrlFor("https://shop.example/?a=1#b", undefined)).toBe("https://shop.example/hooks/esimfly")
  })

  it("falls back to an absolute https or loopback http backend URL", () => {
    expect(webhookUrlFor(undefined, "https://api.shop.example")).toBe("https://api.shop.example/hooks/esimfly")
    expect(webhookUrlFor(undefined, "http://localhost:9000")).toBe("http://localhost:9000/hooks/esimfly")
  })

  it('gives null for Medusa\'s default backend URL "/", none at all, or a public http URL', () => {
    expect(webhookUrlFor(undefined, "/")).toBeNull()
    expect(webhookUrlFor(undefined, undefined)).toBeNull()
    expect(webhookUrlFor(undefined, "http://shop.example")).toBeNull()
  })
})

describe("connectWebhooks", () => {
  const fakeEsim = (store: (change: unknown) => Promise<void>) => {
    const setWebhook = jest.fn(async (input: { url: string; events: string[] }) => ({
      ...input,
      secret: "whsec_fresh",
      message: null,
      note: null,
    }))
    const esim = { getClient: () => ({ setWebhook }), recordEsimflyWebhookState: jest.fn(store) }
    return { esim: esim as unknown as EsimModuleService, setWebhook, record: esim.recordEsimflyWebhookState }
  }

  it("sets the URL and the events used at esimfly and stores the secret it answers", async () => {
    const { esim, setWebhook, record } = fakeEsim(async () => undefined)
    const at = new Date()
    await connectWebhooks(esim, "https://shop.example/hooks/esimfly", at)
    expect(setWebhook).toHaveBeenCalledWith({ url: "https://shop.example/hooks/esimfly", events: WEBHOOK_EVENTS_USED })
    expect(record).toHaveBeenCalledWith({
      kind: "connected",
      url: "https://shop.example/hooks/esimfly",
      events: WEBHOOK_EVENTS_USED,
      secret: "whsec_fresh",
      at,
    })
  })

  it("replaces a storage error that quotes the secret with one that does not", async () => {
    const { esim } = fakeEsim(async () => {
      throw new Error("insert … values ('whsec_fresh') failed")
    })
    const error = await connectWebhooks(esim, "https://shop.example", new Date()).catch((e: Error) => e)
    expect(String(error)).toContain("could not be stored; connect again")
    expect(String(error)).not.toContain("whsec_")
  })
})
