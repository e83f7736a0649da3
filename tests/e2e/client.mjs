// The official pusher-js client and a bare WebSocket against a real Pusher-protocol server
// (sockudo), using only what pusher-config produces: the URL, the pusher-js options, channel
// authorizations and signed REST triggers all come from `e2e-peer` (tests/src/bin/e2e-peer.rs).
//
//   E2E_PEER=path/to/e2e-peer PUSHER_...=... node client.mjs
//
// Prints one line per check and ends with "N passed, N failed"; exits non-zero on a failure.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const Pusher = require('pusher-js');

const peer = process.env.E2E_PEER;
const run = (...args) => execFileSync(peer, args, { encoding: 'utf8' }).trim();

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
    run('trigger', 'private-e2e', 'greeting', JSON.stringify({ hello: 'from rust', n: 7 }));
    const data = await within(5000, 'the triggered event', received);
    if (data.hello !== 'from rust' || data.n !== 7) throw new Error(`wrong data ${JSON.stringify(data)}`);
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
// check above proves our signature right rather than the server lenient.
async function forgedAuthorizationRefused() {
  const pusher = connect((socketId, channelName) => {
    const auth = JSON.parse(run('auth', socketId, channelName));
    const last = auth.auth.slice(-1);
    auth.auth = auth.auth.slice(0, -1) + (last === '0' ? '1' : '0');
    return auth;
  });
  try {
    // The server answers a bad signature with `pusher:error` on the connection.
    const refused = new Promise((resolve) => {
      pusher.connection.bind('error', (error) => resolve(`refused: ${JSON.stringify(error.data ?? error)}`));
    });
    const channel = pusher.subscribe('private-forged');
    const outcome = await within(5000, 'a verdict on the forged authorization', Promise.race([
      subscribed(channel).then(() => 'accepted', (error) => `refused: ${error.message}`),
      refused,
    ]));
    if (!outcome.startsWith('refused')) throw new Error('the server accepted a forged authorization');
    console.log(`     (${outcome})`);
  } finally {
    pusher.disconnect();
  }
}

// REST signatures are checked too: a trigger signed with another secret is refused.
async function triggerWithWrongSecretRefused() {
  try {
    execFileSync(peer, ['trigger', 'private-e2e', 'greeting', '{}'], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, PUSHER_SECRET: '0123456789abcdef0123' },
    });
  } catch (error) {
    console.log(`     (${error.stderr.trim()})`);
    return;
  }
  throw new Error('the server accepted a trigger signed with the wrong secret');
}

let passed = 0;
let failed = 0;
const checks = [
  urlConnects,
  privateChannelAndTrigger,
  presenceChannel,
  forgedAuthorizationRefused,
  triggerWithWrongSecretRefused,
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
