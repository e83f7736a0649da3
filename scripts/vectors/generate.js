#!/usr/bin/env node
// Regenerates tests/vectors/node-pusher.json with the official `pusher` library
// (pusher-http-node), so `tests/tests/signing_vectors.rs` checks our signing against it.
//
//   cd scripts/vectors && npm ci && node generate.js
//
// Every input is deterministic (credentials derive from fixed seeds, timestamps are fixed),
// so running it again gives the same file unless the library's behaviour changes.
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const path = require("path")

const Pusher = require("pusher")
const Token = require("pusher/lib/token")
const { createSignedQueryString } = require("pusher/lib/requests")
const libraryVersion = require("pusher/package.json").version

const OUT = path.join(__dirname, "..", "..", "tests", "vectors", "node-pusher.json")

// Made-up credentials: 20 lowercase hex characters like Pusher's, derived from a seed.
function hex20(seed) {
  return crypto.createHash("sha256").update(seed).digest("hex").slice(0, 20)
}

const APPS = [
  { name: "docs", appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" },
  { name: "random-1", appId: "1234567", key: hex20("key 1"), secret: hex20("secret 1") },
  { name: "random-2", appId: "2047711", key: hex20("key 2"), secret: hex20("secret 2") },
  // Self-hosted servers (soketi, sockudo) accept any string.
  { name: "soketi-defaults", appId: "app-id", key: "app-key", secret: "app-secret" },
  // Longer than SHA-256's 64-byte block: HMAC hashes such a key first.
  {
    name: "long-secret",
    appId: "42",
    key: hex20("key long"),
    secret: crypto.createHash("sha512").update("secret long").digest("hex").slice(0, 100),
  },
]

function client(app) {
  return new Pusher({ appId: app.appId, key: app.key, secret: app.secret, cluster: "mt1" })
}

// Socket ids look like `123456.7890123`: deterministic digits per case.
function socketId(i) {
  const h = crypto.createHash("sha256").update("socket " + i).digest()
  return `${h.readUInt32BE(0)}.${h.readUInt32BE(4) % 10000000}`
}

const CHANNELS = [
  "private-foobar",
  "private-chat.room-42",
  "private-user@example.com",
  "private-a_b-c=d@e,f.g;h",
  "private-" + "x".repeat(156), // 164 characters, the limit
]

const PRESENCE = [
  { channel: "presence-foobar", data: { user_id: 10, user_info: { name: "Mr. Channels" } } },
  { channel: "presence-room.1", data: { user_id: "42" } },
  {
    channel: "presence-cafe;lobby",
    data: { user_id: "u-7", user_info: { name: "Zoë Ørsted 😀", city: "São Paulo" } },
  },
  {
    channel: "presence-escapes",
    data: {
      user_id: "q\"uote",
      user_info: { text: "back\\slash \"quoted\" new\nline tab\t cr\r bell\u0007 nul\u0000 del\u007f" },
    },
  },
  { channel: "presence-empty-info", data: { user_id: "1", user_info: {} } },
]

const USERS = [
  { id: "1" },
  { id: "42", name: "Ada Lovelace", watchlist: ["2", "3"] },
  { id: "u-ü", name: "Jürgen \"JJ\" Müller", emoji: "🚀", note: "line1\nline2\\" },
]

// Extra params are given in unsorted order on purpose: the signature sorts them.
const REQUESTS = [
  { method: "POST", path: "/apps/{id}/events", timestamp: 1353088179, body: { name: "foo", channels: ["project-3"], data: "{\"some\":\"data\"}" } },
  { method: "GET", path: "/apps/{id}/channels", timestamp: 1700000000, params: { info: "user_count", filter_by_prefix: "presence-" } },
  { method: "GET", path: "/apps/{id}/channels/presence-foobar", timestamp: 1700000001, params: { info: "user_count,subscription_count" } },
  { method: "GET", path: "/apps/{id}/channels/presence-foobar/users", timestamp: 1700000002 },
  { method: "post", path: "/apps/{id}/events", timestamp: 1712345678, params: { zeta: "1", alpha: "2", socket_id: "123.456", mid: "3" }, body: { name: "ünïcödé", channel: "private-x", data: "{\"emoji\":\"🎉\"}" } },
  { method: "POST", path: "/apps/{id}/batch_events", timestamp: 1712345679, body: { batch: [{ channel: "a", name: "e", data: "1" }, { channel: "b", name: "e", data: "2" }] } },
  { method: "POST", path: "/apps/{id}/users/user-1/terminate_connections", timestamp: 1712345680, body: {} },
  // Values that a URL must escape: the official library sends them raw, we percent-encode.
  { method: "GET", path: "/apps/{id}/channels", timestamp: 1712345681, params: { q: "a b&c=d", filter_by_prefix: "private-" } },
]

function withFixedNow(seconds, f) {
  const now = Date.now
  Date.now = () => seconds * 1000
  try {
    return f()
  } finally {
    Date.now = now
  }
}

const channelAuth = []
const userAuth = []
const rest = []
const webhooks = []

let n = 0
for (const app of APPS) {
  const pusher = client(app)
  for (const channel of CHANNELS) {
    const socket = socketId(n++)
    channelAuth.push({
      app: app.name, key: app.key, secret: app.secret, socket_id: socket, channel,
      channel_data: null,
      response: pusher.authorizeChannel(socket, channel),
    })
  }
  for (const { channel, data } of PRESENCE) {
    const socket = socketId(n++)
    const response = pusher.authorizeChannel(socket, channel, data)
    channelAuth.push({
      app: app.name, key: app.key, secret: app.secret, socket_id: socket, channel,
      channel_data: response.channel_data,
      response,
    })
  }
  for (const user of USERS) {
    const socket = socketId(n++)
    const response = pusher.authenticateUser(socket, user)
    userAuth.push({
      app: app.name, key: app.key, secret: app.secret, socket_id: socket,
      user_data: response.user_data,
      response,
    })
  }
  const token = new Token(app.key, app.secret)
  for (const req of REQUESTS) {
    const reqPath = req.path.replace("{id}", app.appId)
    const body = req.body === undefined ? null : JSON.stringify(req.body)
    const params = req.params || {}
    const query = withFixedNow(req.timestamp, () =>
      createSignedQueryString(token, {
        method: req.method,
        path: reqPath,
        params,
        body: body === null ? undefined : body,
      })
    )
    rest.push({
      app: app.name, key: app.key, secret: app.secret,
      method: req.method, path: reqPath, timestamp: req.timestamp, body,
      params: Object.entries(params),
      // What the official library appends to the URL, values unescaped.
      query,
      string_to_sign: [req.method.toUpperCase(), reqPath, query.replace(/&auth_signature=[0-9a-f]+$/, "")].join("\n"),
    })
  }
  const bodies = [
    JSON.stringify({ time_ms: 1327078148132, events: [{ name: "channel_occupied", channel: "test_channel" }] }),
    JSON.stringify({ time_ms: 1712345678901, events: [{ name: "member_added", channel: "presence-ü", user_id: "42" }] }),
  ]
  for (const body of bodies) {
    const signature = token.sign(body)
    const cases = [
      { expect: "valid", key: app.key, signature },
      { expect: "wrong_key", key: "not-" + app.key, signature },
      { expect: "bad_signature", key: app.key, signature: token.sign(body + " ") },
      { expect: "bad_signature", key: app.key, signature: signature.slice(0, 63) },
    ]
    for (const c of cases) {
      const valid = pusher
        .webhook({
          headers: { "x-pusher-key": c.key, "x-pusher-signature": c.signature, "content-type": "application/json" },
          rawBody: body,
        })
        .isValid()
      if (valid !== (c.expect === "valid")) {
        throw new Error(`pusher's webhook check disagrees with ${c.expect} for ${app.name}`)
      }
      webhooks.push({
        app: app.name, key: app.key, secret: app.secret, body,
        header_key: c.key, header_signature: c.signature, expect: c.expect,
      })
    }
  }
}

// End-to-end encrypted channels: authorizations with a `shared_secret`, and trigger bodies
// whose data the library encrypted. Their own seeds and counters, so the vectors above stay
// byte-identical. The nonce, random in the library (`tweetnacl`'s `randomBytes`), is fixed per
// case here by replacing that function; the trigger's body is taken where the library would
// POST it.
const nacl = require("tweetnacl")

function masterKeyBase64(seed) {
  return crypto.createHash("sha256").update("master key " + seed).digest("base64")
}

const ENCRYPTED_APPS = [
  { app: APPS[0], masterKey: { encryptionMasterKeyBase64: masterKeyBase64(1) } },
  { app: APPS[3], masterKey: { encryptionMasterKeyBase64: masterKeyBase64(2) } },
  // The deprecated raw form: 32 characters, used as their UTF-8 bytes. Its base64 is what
  // `printf '%s' "$KEY" | base64` prints, which the rules tell users to set.
  { app: APPS[1], masterKey: { encryptionMasterKey: "Zq4t7w!z%C*F-JaNdRgUkXp2s5v8y/B?" } },
]

const ENCRYPTED_CHANNELS = [
  "private-encrypted-foobar",
  "private-encrypted-chat.room-42",
  "private-encrypted-" + "x".repeat(146), // 164 characters, the limit
]

const ENCRYPTED_DATA = [
  { message: "hello" },
  { text: "Zoë Ørsted 😀", n: 7, nested: { list: [1, 2, 3] } },
  "a plain string",
  {},
]

const encryptedChannelAuth = []
const encryptedEvents = []
let e = 0
for (const { app, masterKey } of ENCRYPTED_APPS) {
  const pusher = new Pusher({ appId: app.appId, key: app.key, secret: app.secret, cluster: "mt1", ...masterKey })
  const master_key_base64 = pusher.config.encryptionMasterKey.toString("base64")
  for (const channel of ENCRYPTED_CHANNELS) {
    const socket = socketId("encrypted " + e++)
    encryptedChannelAuth.push({
      app: app.name, key: app.key, secret: app.secret, master_key_base64, socket_id: socket, channel,
      response: pusher.authorizeChannel(socket, channel),
    })
  }
  let sent
  pusher.post = ({ body }) => {
    sent = body
    return Promise.resolve()
  }
  for (const channel of ENCRYPTED_CHANNELS.slice(0, 2)) {
    for (const data of ENCRYPTED_DATA) {
      const nonce = crypto.createHash("sha256").update("nonce " + e++).digest().subarray(0, 24)
      const randomBytes = nacl.randomBytes
      nacl.randomBytes = (n) => {
        if (n !== 24) throw new Error(`asked for ${n} random bytes, not a nonce`)
        return new Uint8Array(nonce)
      }
      try {
        pusher.trigger(channel, "secret-event", data)
      } finally {
        nacl.randomBytes = randomBytes
      }
      encryptedEvents.push({
        app: app.name, key: app.key, secret: app.secret, master_key_base64, channel,
        // What the library encrypts: `JSON.stringify` of the trigger's data.
        data: JSON.stringify(data),
        nonce_base64: Buffer.from(nonce).toString("base64"),
        event_data: sent.data,
      })
    }
  }
}

const out = {
  about:
    "Signing vectors produced by the official Pusher Node library; regenerate with scripts/vectors/generate.js",
  library: `pusher@${libraryVersion}`,
  node: process.version,
  channel_auth: channelAuth,
  user_auth: userAuth,
  rest,
  webhooks,
  encrypted_channel_auth: encryptedChannelAuth,
  encrypted_events: encryptedEvents,
}

fs.mkdirSync(path.dirname(OUT), { recursive: true })
fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + "\n")
console.log(
  `wrote ${path.relative(process.cwd(), OUT)}: ${channelAuth.length} channel, ${userAuth.length} user, ${rest.length} REST, ${webhooks.length} webhook, ${encryptedChannelAuth.length} encrypted channel, ${encryptedEvents.length} encrypted event vectors`
)
