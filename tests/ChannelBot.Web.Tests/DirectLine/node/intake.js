// A pothole report filed through our Direct Line server with the official botframework-directlinejs client.
// Usage: node intake.js <app base URL> <websocket|polling>
// Prints one JSON line {ticket, delivered, resumedFrom, refreshed} and exits 0, or prints why on stderr and exits 1.
// Checks on the way: the echo of every post (same id, same clientActivityID), no activity delivered twice, the
// token the start call returned is adopted, tokens/refresh, and resume with conversationId + watermark after the
// first connection is dropped.
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [base, mode] = process.argv.slice(2);
const webSocket = mode === 'websocket';
const domain = `${base}/v3/directline`;
const waitMs = 60000;

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

setTimeout(() => fail('the intake did not finish within 3 minutes'), 180000).unref();

class Resident {
  constructor(directLine, userId, seen) {
    this.directLine = directLine;
    this.userId = userId;
    this.seen = seen;            // ids delivered so far, across connections
    this.arrived = [];
    this.waiters = [];
    this.statuses = [];
    directLine.connectionStatus$.subscribe(status => this.statuses.push(status));
    this.subscription = directLine.activity$.subscribe(
      activity => this.onActivity(activity),
      error => fail(`activity$ failed: ${error && error.message}`));
  }

  onActivity(activity) {
    if (this.seen.has(activity.id)) {
      fail(`activity ${activity.id} was delivered twice`);
    }
    this.seen.add(activity.id);
    if (!/Z$/.test(activity.timestamp || '')) {
      fail(`activity ${activity.id} has no UTC timestamp: ${activity.timestamp}`);
    }
    this.arrived.push(activity);
    this.waiters = this.waiters.filter(waiter => !waiter(activity));
  }

  waitFor(match, what) {
    const found = this.arrived.find(match);
    if (found) {
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${waitMs} ms`)), waitMs);
      this.waiters.push(activity => {
        if (!match(activity)) {
          return false;
        }
        clearTimeout(timer);
        resolve(activity);
        return true;
      });
    });
  }

  fromBot(activity) {
    return activity.from && activity.from.id !== this.userId && activity.type === 'message';
  }

  post(activity) {
    return new Promise((resolve, reject) => this.directLine.postActivity(activity).subscribe(
      id => (id === 'retry' ? reject(new Error('the post came back as "retry"')) : resolve(id)),
      error => reject(error)));
  }

  async say(text) {
    const clientActivityID = Math.random().toString(36).slice(2, 13);
    const id = await this.post({ type: 'message', from: { id: this.userId }, text, locale: 'en-US', channelData: { clientActivityID } });
    const echo = await this.waitFor(a => a.id === id, `echo of "${text}"`);
    if (!echo.channelData || echo.channelData.clientActivityID !== clientActivityID) {
      fail(`the echo of "${text}" lost its clientActivityID`);
    }
    return this.waitFor(a => this.fromBot(a) && a.replyToId === id, `answer to "${text}"`);
  }
}

async function main() {
  const session = await (await fetch(`${base}/api/chat/session`, { method: 'POST' })).json();
  const seen = new Set();
  const first = new DirectLine({ token: session.token, domain, webSocket, pollingInterval: 250 });
  const resident = new Resident(first, session.userId, seen);

  const greeting = await resident.waitFor(a => resident.fromBot(a), 'greeting');
  if (!/311/.test(greeting.text)) fail(`unexpected greeting: ${greeting.text}`);
  if (first.token === session.token) fail('the client did not adopt the token the start call returned');
  const askWhere = await resident.say("there's a huge pothole in the road");
  if (!/Pothole/.test(askWhere.text)) fail(`unexpected answer: ${askWhere.text}`);
  const askLane = await resident.say('123 Main St');
  if (!askLane.suggestedActions) fail('the lane question has no suggested actions');

  // Drop the connection, refresh the token, and resume the conversation from the watermark the client holds.
  const watermark = first.watermark;
  const conversationId = first.conversationId;
  const refreshedResponse = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${first.token}` } });
  if (refreshedResponse.status !== 200) fail(`tokens/refresh answered ${refreshedResponse.status}`);
  const refreshed = (await refreshedResponse.json()).token;
  resident.subscription.unsubscribe();
  first.end();

  const second = new DirectLine({ token: refreshed, conversationId, watermark, domain, webSocket, pollingInterval: 250 });
  const resumed = new Resident(second, session.userId, seen);
  await resumed.say('next to the curb');
  await resumed.say('skip');
  await resumed.say('It is deep enough to damage a tire.');
  await resumed.say('no'); // the description stays off the public map
  await resumed.say('no photo');
  await resumed.say('skip');
  const summary = await resumed.say('skip');
  if (!/123 Main St/.test(summary.text)) fail(`unexpected summary: ${summary.text}`);
  const receipt = await resumed.say('yes');
  const ticket = (/311-\d{4}-\d{6}/.exec(receipt.text) || [])[0];
  if (!ticket) fail(`no ticket number in: ${receipt.text}`);
  if (resumed.statuses.includes(ConnectionStatus.FailedToConnect) || resumed.statuses.includes(ConnectionStatus.ExpiredToken)) {
    fail(`the resumed connection went through statuses ${resumed.statuses.join(',')}`);
  }
  second.end();
  process.stdout.write(`${JSON.stringify({ ticket, delivered: seen.size, resumedFrom: watermark, conversationId, refreshed: refreshed !== first.token })}\n`);
  process.exit(0);
}

main().catch(error => fail(error && error.stack ? error.stack : String(error)));
