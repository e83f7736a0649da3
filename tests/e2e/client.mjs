// The official pusher-js client and a bare WebSocket against a real Pusher-protocol server
// (sockudo), using only what pusher-config produces: the URL, the pusher-js options, channel
// authorizations and signed REST triggers all come from `e2e-peer` (tests/src/bin/e2e-peer.rs).
// Then the same with a served front end: the axum example (examples/axum-auth), already running
// at E2E_AXUM, serves the options and the auth endpoints that pusher-js calls over HTTP itself.
//
//   E2E_PEER=path/to/e2e-peer E2E_AXUM=http://127.0.0.1:PORT PUSHER_...=... node client.mjs
//
// Prints one line per check and ends with "N passed, N failed"; exits non-zero on a failure.
// The refusals are checked for sockudo's own answer (HTTP 401 `auth_failed` "Invalid API
// signature"; `pusher:error` 4009), so a server that is down, unreachable or another program
// fails them too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const Pusher = require('pusher-js');

const peer = process.env.E2E_PEER;
if (!peer) throw new Error('E2E_PEER is not set: the path of the e2e-peer binary');
const axum = process.env.E2E_AXUM;
if (!axum) throw new Error('E2E_AXUM is not set: the URL of the running axum-auth example');

// Nothing e2e-peer prints may contain a secret, whatever the outcome.
function noSecretIn(text, ...secrets) {
  for (const secret of secrets) {
    if (secret && text.includes(secret)) throw new Error('e2e-peer printed the secret');
  }
  return text;
}
const run = (...args) =>
  noSecretIn(
    execFileSync(peer, args, { encoding: 'utf8' }),
    process.env.PUSHER_SECRET,
    process.env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64,
  ).trim();

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The URL the crate builds connects, and the server greets it.
async function urlConnects() {
  const url = run('url');
  const socket = new WebSocket(url);
  try {
    const established = await within(5000, 'pusher:connection_established', new Promise((resolve, reject) => {
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString());
        if (message.event === 'pusher:connection_established') resolve(JSON.parse(message.data));
        if (message.event === 'pusher:error') reject(new Error(`pusher:error ${message.data}`));
      });
      socket.on('error', reject);
      socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
    }));
    if (!/^\d+\.\d+$/.test(established.socket_id)) throw new Error(`odd socket id ${established.socket_id}`);
  } finally {
    socket.terminate();
  }
}

function connect(authorize) {
  const options = JSON.parse(run('options'));
  return new Pusher(options.key, {
    ...options,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        try {
          callback(null, authorize(socketId, channelName));
        } catch (error) {
          callback(error, null);
        }
      },
    },
  });
}

function subscribed(channel) {
  return new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', resolve);
    channel.bind('pusher:subscription_error', (status) => reject(new Error(`subscription_error ${JSON.stringify(status)}`)));
  });
}

// pusher-js, configured from the crate's options, subscribes to a private channel with the
// crate's authorization and receives an event that the crate signed and sent over REST.
async function privateChannelAndTrigger() {
  const pusher = connect((socketId, channelName) => JSON.parse(run('auth', socketId, channelName)));
  try {
    const channel = pusher.subscribe('private-e2e');
    await within(5000, 'subscription to private-e2e', subscribed(channel));
    const received = new Promise((resolve) => channel.bind('greeting', resolve));
    const answer = run('trigger', 'private-e2e', 'greeting', JSON.stringify({ hello: 'from rust', n: 7 }));
    if (!answer.startsWith('HTTP 200 ')) throw new Error(`trigger answered ${answer}`);
    const data = await within(5000, 'the triggered event', received);
    if (data.hello !== 'from rust' || data.n !== 7) throw new Error(`wrong data ${JSON.stringify(data)}`);
  } finally {
    pusher.disconnect();
  }
}

// An end-to-end encrypted channel: pusher-js (whose Node build is its encryption build, the one
// `pusher-js/with-encryption` gives in browsers) subscribes with the crate's authorization and
// `shared_secret`, the crate's events client encrypts the event's data and sends the trigger,
// the server relays it as opaque data, and pusher-js decrypts it to what was sent.
async function encryptedChannelAndTrigger() {
  if (!process.env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64) throw new Error('PUSHER_ENCRYPTION_MASTER_KEY_BASE64 is not set');
  const authorizations = [];
  const pusher = connect((socketId, channelName) => {
    const auth = JSON.parse(run('auth', socketId, channelName));
    // A copy: pusher-js deletes `shared_secret` from the object it is given once it has it.
    authorizations.push({ ...auth });
    return auth;
  });
  try {
    const channel = pusher.subscribe('private-encrypted-e2e');
    await within(5000, 'subscription to private-encrypted-e2e', subscribed(channel));
    if (typeof authorizations[0]?.shared_secret !== 'string') throw new Error('the authorization has no shared_secret');
    const sent = { hello: 'encrypted from rust', n: 42, text: 'Zoë "Z" 😀' };
    // What the server relayed, before pusher-js decrypted it.
    const onTheWire = new Promise((resolve) => {
      pusher.connection.bind('message', (message) => {
        if (message.event === 'secret' && message.channel === 'private-encrypted-e2e') resolve(message.data);
      });
    });
    const received = new Promise((resolve) => channel.bind('secret', resolve));
    // Sent by the crate's events client, which encrypts the data of a `private-encrypted-`
    // channel itself (`e2e-peer send` exits non-zero on any error answer).
    run('send', 'trigger', 'secret', JSON.stringify(sent), 'private-encrypted-e2e');
    const [wire, data] = await within(5000, 'the encrypted event', Promise.all([onTheWire, received]));
    const relayed = typeof wire === 'string' ? JSON.parse(wire) : wire;
    if (typeof relayed?.nonce !== 'string' || typeof relayed?.ciphertext !== 'string'
      || JSON.stringify(wire).includes('encrypted from rust')) {
      throw new Error(`the server relayed ${JSON.stringify(wire)}, not {nonce, ciphertext}`);
    }
    if (JSON.stringify(data) !== JSON.stringify(sent)) throw new Error(`decrypted ${JSON.stringify(data)}, sent ${JSON.stringify(sent)}`);
    console.log(`     (relayed {"nonce":"${relayed.nonce.slice(0, 4)}…","ciphertext":"${relayed.ciphertext.slice(0, 4)}…"}, decrypted ${JSON.stringify(data)})`);
  } finally {
    pusher.disconnect();
  }
}

// A presence channel: the crate signs the member's channel data and the server accepts it.
async function presenceChannel() {
  const channelData = JSON.stringify({ user_id: 'member-1', user_info: { name: 'Zoë "Z" Ünal' } });
  const pusher = connect((socketId, channelName) => JSON.parse(run('auth', socketId, channelName, channelData)));
  try {
    const channel = pusher.subscribe('presence-e2e');
    const members = await within(5000, 'subscription to presence-e2e', subscribed(channel));
    if (members.me?.id !== 'member-1' || members.me?.info?.name !== 'Zoë "Z" Ünal') {
      throw new Error(`wrong member ${JSON.stringify(members.me)}`);
    }
  } finally {
    pusher.disconnect();
  }
}

// The server checks signatures: an authorization with one digit changed is refused, so the
// check above proves our signature right rather than the server lenient. sockudo refuses it with
// `pusher:error` code 4009 on the connection; anything else (accepted, another error, no
// connection, no answer) fails the check.
const FORGED_REFUSAL = { code: 4009, message: 'Authentication error: Channel requires authentication' };
async function forgedAuthorizationRefused() {
  const pusher = connect((socketId, channelName) => {
    const auth = JSON.parse(run('auth', socketId, channelName));
    const last = auth.auth.slice(-1);
    auth.auth = auth.auth.slice(0, -1) + (last === '0' ? '1' : '0');
    return auth;
  });
  try {
    const refused = new Promise((resolve, reject) => {
      pusher.connection.bind('error', (error) => {
        if (error?.type === 'PusherError') resolve(error.data);
        else reject(new Error(`connection error ${JSON.stringify(error)}`));
      });
    });
    const channel = pusher.subscribe('private-forged');
    const verdict = await within(5000, 'pusher:error for the forged authorization', Promise.race([
      subscribed(channel).then(() => {
        throw new Error('the server accepted a forged authorization');
      }),
      refused,
    ]));
    if (verdict?.code !== FORGED_REFUSAL.code || verdict?.message !== FORGED_REFUSAL.message) {
      throw new Error(`expected pusher:error ${JSON.stringify(FORGED_REFUSAL)}, got ${JSON.stringify(verdict)}`);
    }
    console.log(`     (pusher:error ${JSON.stringify(verdict)})`);
  } finally {
    pusher.disconnect();
  }
}

// REST signatures are checked too: a trigger signed with another secret is refused with HTTP
// 401 and sockudo's `auth_failed` "Invalid API signature". e2e-peer exits 2 and prints
// `HTTP <status> <body>` when the server answers other than 200, 1 when it gets no answer.
async function triggerWithWrongSecretRefused() {
  const wrongSecret = '0123456789abcdef0123';
  let out;
  try {
    out = execFileSync(peer, ['trigger', 'private-e2e', 'greeting', '{}'], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, PUSHER_SECRET: wrongSecret },
    });
  } catch (error) {
    const stderr = noSecretIn(`${error.stdout ?? ''}${error.stderr ?? ''}`, wrongSecret, process.env.PUSHER_SECRET).trim();
    if (error.status !== 2) throw new Error(`e2e-peer got no answer from the server (exit ${error.status}): ${stderr}`);
    const answer = /^HTTP (\d{3}) (.*)$/s.exec(stderr);
    if (!answer) throw new Error(`unexpected e2e-peer output: ${stderr}`);
    let body;
    try {
      body = JSON.parse(answer[2]);
    } catch {
      throw new Error(`expected a JSON body, got ${stderr}`);
    }
    if (answer[1] !== '401' || body.error !== 'Invalid API signature' || body.code !== 'auth_failed' || body.status !== 401) {
      throw new Error(`expected HTTP 401 auth_failed "Invalid API signature", got ${stderr}`);
    }
    console.log(`     (${stderr})`);
    return;
  }
  noSecretIn(out, wrongSecret, process.env.PUSHER_SECRET);
  throw new Error(`the server accepted a trigger signed with the wrong secret: ${out.trim()}`);
}

// The axum example serves the pusher-js options: the config's (key, self-hosted host and port,
// TLS off) and the two auth endpoints the script set, with pusher-js's `ajax` transport; never
// the app id or the secret.
async function axumOptions() {
  const response = await within(5000, 'GET /pusher/options.json', fetch(`${axum}/pusher/options.json`));
  const text = noSecretIn(await response.text(), process.env.PUSHER_SECRET);
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('application/json')) {
    throw new Error(`GET /pusher/options.json answered ${response.status} ${text}`);
  }
  if (text.includes(process.env.PUSHER_APP_ID)) throw new Error(`the options hold the app id: ${text}`);
  return JSON.parse(text);
}

async function axumServesOptions() {
  const options = await axumOptions();
  const expected = {
    key: process.env.PUSHER_KEY,
    wsHost: process.env.PUSHER_HOST,
    wsPort: Number(process.env.PUSHER_PORT),
    forceTLS: false,
    channelAuthorization: { endpoint: `${axum}/pusher/auth`, transport: 'ajax' },
    userAuthentication: { endpoint: `${axum}/pusher/user-auth`, transport: 'ajax' },
  };
  for (const [name, value] of Object.entries(expected)) {
    if (JSON.stringify(options[name]) !== JSON.stringify(value)) {
      throw new Error(`options.${name} is ${JSON.stringify(options[name])}, expected ${JSON.stringify(value)}`);
    }
  }
}

// The page's user: a real app's endpoint knows it from the session cookie; the example takes it
// from these headers, which pusher-js sends with its `headers` option.
const USER = { 'X-User-Id': 'member-2', 'X-User-Name': 'Ada' };

// pusher-js constructed from the served options as they are, plus the user's headers. Its own
// `ajax` authorizer POSTs the form to the example (in Node through the XMLHttpRequest shim
// bundled in pusher-js); no customHandler.
async function connectThroughAxum() {
  const options = await axumOptions();
  return new Pusher(options.key, {
    ...options,
    channelAuthorization: { ...options.channelAuthorization, headers: USER },
    userAuthentication: { ...options.userAuthentication, headers: USER },
  });
}

// A private and a presence channel, each authorized by the example's endpoint, both accepted by
// the server; the presence member is the user the endpoint signed.
async function axumAuthorizesChannels() {
  const pusher = await connectThroughAxum();
  try {
    const [, members] = await within(5000, 'subscriptions to private-axum and presence-axum', Promise.all([
      subscribed(pusher.subscribe('private-axum')),
      subscribed(pusher.subscribe('presence-axum')),
    ]));
    if (members.me?.id !== 'member-2' || members.me?.info?.name !== 'Ada') {
      throw new Error(`wrong member ${JSON.stringify(members.me)}`);
    }
  } finally {
    pusher.disconnect();
  }
}

// `pusher.signin()` through the example's `userAuthentication` endpoint: sockudo verifies the
// signature and answers `pusher:signin_success` with the user data the example signed.
async function axumSignsIn() {
  const pusher = await connectThroughAxum();
  try {
    const signedIn = new Promise((resolve, reject) => {
      pusher.connection.bind('message', (event) => {
        if (event.event === 'pusher:signin_success') resolve(event.data);
      });
      pusher.connection.bind('error', (error) => reject(new Error(`connection error ${JSON.stringify(error)}`)));
      pusher.user.bind('pusher:signin_error', (error) => reject(new Error(`signin_error ${JSON.stringify(error)}`)));
    });
    pusher.signin();
    const data = await within(5000, 'pusher:signin_success', signedIn);
    const user = JSON.parse(data.user_data);
    if (user.id !== 'member-2' || user.name !== 'Ada') throw new Error(`wrong user data ${data.user_data}`);
  } finally {
    pusher.disconnect();
  }
}

// Webhooks: sockudo is configured to send `channel_occupied` and `member_added` to the example's
// `POST /pusher/webhooks`, which verifies their signature with the crate and prints one line per
// typed event. Joining a fresh presence channel through the example must show both lines in its
// log; a webhook with a forged signature is refused with 401.
async function axumReceivesWebhooks() {
  const logFile = process.env.E2E_AXUM_LOG;
  if (!logFile) throw new Error('E2E_AXUM_LOG is not set: the axum-auth log file');
  const channelName = 'presence-webhook-e2e';
  const expected = [
    `webhook channel_occupied ${channelName} `,
    `webhook member_added ${channelName} user member-2 `,
  ];
  const logged = () => readFileSync(logFile, 'utf8').split('\n');
  const pusher = await connectThroughAxum();
  try {
    await within(5000, `subscription to ${channelName}`, subscribed(pusher.subscribe(channelName)));
    await within(5000, 'the webhooks in the axum-auth log', new Promise((resolve) => {
      const poll = setInterval(() => {
        const lines = logged();
        if (expected.every((start) => lines.some((line) => line.startsWith(start)))) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    }));
  } finally {
    pusher.disconnect();
  }
  const lines = logged().filter((line) => line.includes(channelName));
  const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: 'channel_occupied', channel: 'forged' }] });
  const response = await within(5000, 'POST /pusher/webhooks', fetch(`${axum}/pusher/webhooks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Pusher-Key': process.env.PUSHER_KEY, 'X-Pusher-Signature': '0'.repeat(64) },
    body,
  }));
  const text = noSecretIn(await response.text(), process.env.PUSHER_SECRET);
  if (response.status !== 401 || !text.includes('X-Pusher-Signature')) {
    throw new Error(`a forged webhook answered ${response.status} ${text}; expected 401`);
  }
  console.log(`     (${lines.map((line) => line.replace(/ \(time_ms \d+\)$/, '')).join('; ')}; forged: 401)`);
}

// Requests no pusher-js sends: a forged socket id, a public channel, a missing field, a presence
// channel without a user. Each is refused with its status and `{"error": …}`; for the socket id
// the message is the library's own, as e2e-peer prints it. Never the secret.
async function axumRefusesBadRequests() {
  let libraryMessage;
  try {
    execFileSync(peer, ['auth', '1234', 'private-axum'], { encoding: 'utf8', stdio: 'pipe' });
    throw new Error('e2e-peer authorized the socket id `1234`');
  } catch (error) {
    if (error.status !== 1) throw error;
    libraryMessage = noSecretIn(error.stderr, process.env.PUSHER_SECRET).trim().replace(/^error: /, '');
  }
  const cases = [
    ['/pusher/auth', { socket_id: '1234', channel_name: 'private-axum' }, {}, 400, libraryMessage],
    ['/pusher/auth', { socket_id: '1234.5678', channel_name: 'chat' }, {}, 400, 'needs a `private-` channel'],
    ['/pusher/auth', { socket_id: '1234.5678' }, {}, 400, 'missing `channel_name`'],
    ['/pusher/auth', { socket_id: '1234.5678', channel_name: 'presence-axum' }, {}, 403, 'no signed-in user'],
    ['/pusher/user-auth', { socket_id: '1234.5678:1' }, USER, 400, libraryMessage],
  ];
  for (const [path, form, headers, status, why] of cases) {
    const response = await within(5000, `POST ${path}`, fetch(`${axum}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    }));
    const text = noSecretIn(await response.text(), process.env.PUSHER_SECRET);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`POST ${path} ${JSON.stringify(form)} answered ${response.status} ${text}, not JSON`);
    }
    if (response.status !== status || typeof body.error !== 'string' || !body.error.includes(why)) {
      throw new Error(`POST ${path} ${JSON.stringify(form)} answered ${response.status} ${text}; expected ${status} with "${why}"`);
    }
  }
  console.log(`     (400 {"error":${JSON.stringify(libraryMessage)}})`);
}

// ---- Sending events with the crate's client (`e2e-peer send …`, `pusher_config::events`).

// `e2e-peer send ARGS…`: the server's typed answer, parsed; throws with its stderr otherwise.
function send(...args) {
  try {
    return JSON.parse(noSecretIn(execFileSync(peer, ['send', ...args], { encoding: 'utf8', stdio: 'pipe' }), process.env.PUSHER_SECRET));
  } catch (error) {
    if (error.status === undefined || error.status === null) throw error;
    const stderr = noSecretIn(`${error.stderr ?? ''}`, process.env.PUSHER_SECRET).trim();
    throw new Error(`e2e-peer send ${args[0]} exited ${error.status}: ${stderr}`);
  }
}

// `e2e-peer send ARGS…` that must fail: its exit status and stderr, never the secret.
function sendRefused(args, env = process.env, ...secrets) {
  try {
    const out = execFileSync(peer, ['send', ...args], { encoding: 'utf8', stdio: 'pipe', env });
    throw new Error(`e2e-peer send ${args[0]} succeeded: ${out.trim()}`);
  } catch (error) {
    if (error.status === undefined || error.status === null) throw error;
    return { status: error.status, stderr: noSecretIn(`${error.stdout ?? ''}${error.stderr ?? ''}`, process.env.PUSHER_SECRET, ...secrets).trim() };
  }
}

// pusher-js authorized by e2e-peer, as the presence member `userId`.
function connectAs(userId) {
  return connect((socketId, channelName) => JSON.parse(channelName.startsWith('presence-')
    ? run('auth', socketId, channelName, JSON.stringify({ user_id: userId, user_info: { name: userId } }))
    : run('auth', socketId, channelName)));
}

const received = (channel, event) => new Promise((resolve) => channel.bind(event, resolve));

async function socketIdOf(pusher) {
  if (pusher.connection.state !== 'connected') {
    await within(5000, 'connection', new Promise((resolve) => pusher.connection.bind('connected', resolve)));
  }
  return pusher.connection.socket_id;
}

// One trigger from the crate's client to a public, a private and a presence channel reaches
// pusher-js on each, data intact.
async function clientTriggersEveryChannelType() {
  const pusher = connectAs('sender-1');
  try {
    const names = ['send-public', 'private-send', 'presence-send'];
    const channels = names.map((name) => pusher.subscribe(name));
    await within(5000, 'subscriptions', Promise.all(channels.map(subscribed)));
    const arrivals = channels.map((channel) => received(channel, 'greeting'));
    const data = { hello: 'from the events client', n: 12, text: 'Zoë "Z" Ünal' };
    const answer = send('trigger', 'greeting', JSON.stringify(data), ...names);
    if (JSON.stringify(answer) !== '{"channels":{}}') throw new Error(`trigger answered ${JSON.stringify(answer)}`);
    const got = await within(5000, 'the event on all three channels', Promise.all(arrivals));
    for (const [i, value] of got.entries()) {
      if (JSON.stringify(value) !== JSON.stringify(data)) throw new Error(`${names[i]} got ${JSON.stringify(value)}`);
    }
  } finally {
    pusher.disconnect();
  }
}

// `socket_id` exclusion: of two connections on a channel, the excluded one gets nothing.
async function clientExcludesSocket() {
  const [a, b] = [connectAs('except-a'), connectAs('except-b')];
  try {
    const [channelA, channelB] = [a.subscribe('send-except'), b.subscribe('send-except')];
    await within(5000, 'subscriptions', Promise.all([subscribed(channelA), subscribed(channelB)]));
    let aGot = false;
    channelA.bind('news', () => { aGot = true; });
    const bGets = received(channelB, 'news');
    send('trigger-except', await socketIdOf(a), 'news', '{"n":1}', 'send-except');
    await within(5000, 'the event on the other connection', bGets);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (aGot) throw new Error('the excluded connection received the event');
  } finally {
    a.disconnect();
    b.disconnect();
  }
}

// A batch of two events, on a public and a private channel, both arrive; asked for their
// channels' counts, the answer has one entry per event, in order.
async function clientSendsBatch() {
  const pusher = connectAs('batch-1');
  try {
    const [one, two] = [pusher.subscribe('send-batch'), pusher.subscribe('private-send-batch')];
    await within(5000, 'subscriptions', Promise.all([subscribed(one), subscribed(two)]));
    const arrivals = Promise.all([received(one, 'first'), received(two, 'second')]);
    const answer = send('batch-info', 'send-batch', 'first', '{"i":1}', 'private-send-batch', 'second', '{"i":2}');
    const expected = '{"batch":[{"subscription_count":1},{"subscription_count":1}]}';
    if (JSON.stringify(answer) !== expected) throw new Error(`batch answered ${JSON.stringify(answer)}, expected ${expected}`);
    const [first, second] = await within(5000, 'both batch events', arrivals);
    if (first.i !== 1 || second.i !== 2) throw new Error(`got ${JSON.stringify([first, second])}`);
    console.log(`     (${JSON.stringify(answer)})`);
  } finally {
    pusher.disconnect();
  }
}

// Channel info, the channel list and presence users answer as the server sees pusher-js: two
// members on a presence channel, plus a second connection of the first member.
async function clientReadsChannelsAndUsers() {
  const connections = [connectAs('counted-1'), connectAs('counted-2'), connectAs('counted-1')];
  try {
    await within(5000, 'subscriptions', Promise.all(connections.flatMap((pusher) => [
      subscribed(pusher.subscribe('presence-count')),
      subscribed(pusher.subscribe('send-count')),
    ])));
    const presence = send('channel', 'presence-count');
    const expected = { occupied: true, user_count: 2, subscription_count: 3 };
    if (JSON.stringify(presence) !== JSON.stringify(expected)) {
      throw new Error(`channel presence-count is ${JSON.stringify(presence)}, expected ${JSON.stringify(expected)}`);
    }
    const plain = send('channel', 'send-count');
    if (plain.occupied !== true || plain.subscription_count !== 3 || 'user_count' in plain) {
      throw new Error(`channel send-count is ${JSON.stringify(plain)}`);
    }
    const list = send('channels', 'presence-count');
    const listed = list.channels?.['presence-count'];
    if (listed?.user_count !== 2 || listed?.subscription_count !== 3) {
      throw new Error(`channels presence-count lists ${JSON.stringify(list)}`);
    }
    const all = send('channels');
    if (all.channels?.['send-count']?.subscription_count !== 3) throw new Error(`channels lists ${JSON.stringify(all)}`);
    const users = send('users', 'presence-count').users.map((user) => user.id).sort();
    if (JSON.stringify(users) !== '["counted-1","counted-2"]') throw new Error(`users are ${JSON.stringify(users)}`);
    console.log(`     (${JSON.stringify(presence)}; users ${JSON.stringify(users)})`);
  } finally {
    for (const pusher of connections) pusher.disconnect();
  }
}

// pusher-js signed in through the axum example as `userId`.
async function signedInAs(userId) {
  const options = await axumOptions();
  const headers = { 'X-User-Id': userId, 'X-User-Name': userId };
  const pusher = new Pusher(options.key, {
    ...options,
    channelAuthorization: { ...options.channelAuthorization, headers },
    userAuthentication: { ...options.userAuthentication, headers },
  });
  const signedIn = new Promise((resolve, reject) => {
    pusher.connection.bind('message', (event) => {
      if (event.event === 'pusher:signin_success') resolve();
    });
    pusher.user.bind('pusher:signin_error', (error) => reject(new Error(`signin_error ${JSON.stringify(error)}`)));
  });
  pusher.signin();
  await within(5000, `sign-in as ${userId}`, signedIn);
  return pusher;
}

// An event to a user (`#server-to-user-…`) reaches the connection signed in as that user.
async function clientSendsToUser() {
  const pusher = await signedInAs('receiver-1');
  try {
    const got = new Promise((resolve) => pusher.user.bind('notice', resolve));
    send('to-user', 'receiver-1', 'notice', '{"for":"receiver-1"}');
    const data = await within(5000, 'the event sent to the user', got);
    if (data.for !== 'receiver-1') throw new Error(`got ${JSON.stringify(data)}`);
  } finally {
    pusher.disconnect();
  }
}

// Terminating a user's connections closes the connection signed in as that user.
async function clientTerminatesUser() {
  const pusher = await signedInAs('leaver-1');
  try {
    const left = new Promise((resolve) => pusher.connection.bind('state_change', ({ current }) => {
      if (current !== 'connected') resolve(current);
    }));
    send('terminate', 'leaver-1');
    const state = await within(5000, 'the connection to close', left);
    console.log(`     (pusher-js went ${state})`);
  } finally {
    pusher.disconnect();
  }
}

// The client's refusals: one before sending (an event name over Pusher's 200 characters, exit
// 3) and the server's (a wrong secret: 401, exit 2), each with its message, never the secret.
async function clientRefusalsAreTyped() {
  const long = sendRefused(['trigger', 'e'.repeat(201), '{}', 'send-public']);
  if (long.status !== 3 || long.stderr !== 'error: the event name has 201 characters, more than the 200 allowed; use a shorter name') {
    throw new Error(`a 201-character event name gave exit ${long.status}: ${long.stderr}`);
  }
  const wrongSecret = '0123456789abcdef0123';
  const refused = sendRefused(['trigger', 'e', '{}', 'send-public'], { ...process.env, PUSHER_SECRET: wrongSecret }, wrongSecret);
  if (refused.status !== 2 || !refused.stderr.startsWith('error: the server answered 401 Unauthorized: the signature was refused;')
    || !refused.stderr.endsWith('(it said `Invalid API signature`)')) {
    throw new Error(`a wrong secret gave exit ${refused.status}: ${refused.stderr}`);
  }
  if (/auth_signature|auth_key/.test(refused.stderr)) throw new Error(`the error shows the signed query: ${refused.stderr}`);
  console.log(`     (${refused.stderr})`);
}

const sendingChecks = [
  clientTriggersEveryChannelType,
  clientExcludesSocket,
  clientSendsBatch,
  clientReadsChannelsAndUsers,
  clientSendsToUser,
  clientTerminatesUser,
  clientRefusalsAreTyped,
];

let passed = 0;
let failed = 0;
const checks = [
  urlConnects,
  privateChannelAndTrigger,
  encryptedChannelAndTrigger,
  presenceChannel,
  forgedAuthorizationRefused,
  triggerWithWrongSecretRefused,
  axumServesOptions,
  axumAuthorizesChannels,
  axumSignsIn,
  axumRefusesBadRequests,
  axumReceivesWebhooks,
  ...sendingChecks,
];
for (const check of checks) {
  try {
    await check();
    passed += 1;
    console.log(`ok   ${check.name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${check.name}: ${error.message}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
