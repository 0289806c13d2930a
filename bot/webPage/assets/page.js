/* global document, window, localStorage, fetch, crypto, location, WebChat */
// The chat page's script (served as /webchat/page.js; no inline script is allowed by the page's CSP).
// It keeps a stable random visitor id in the browser, gets a Direct Line token from this server and
// renders Microsoft's Web Chat with it. Every text it writes goes through textContent, never innerHTML.

const USER_KEY = 'alize.userId';
const USER_ID = /^dl_[0-9a-f]{32}$/;

const config = JSON.parse(document.getElementById('alize-config').textContent);
const chat = document.getElementById('chat');
const status = document.getElementById('status');
const newConversation = document.getElementById('new-conversation');
let directLine = null;

/** The visitor's id: made once, then kept, so a returning visitor finds their conversation and draft. */
function visitorId() {
  let id = null;
  try {
    id = localStorage.getItem(USER_KEY);
  } catch {
    // Storage disabled (private mode): a new id per page load.
  }
  if (!USER_ID.test(id ?? '')) {
    // getRandomValues, not randomUUID: the latter needs HTTPS, and the page may be opened over plain HTTP.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = `dl_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    try {
      localStorage.setItem(USER_KEY, id);
    } catch {
      // See above.
    }
  }
  return id;
}

/** The connection's state, announced to screen readers; once connected, small screens hide it from view. */
function say(text, state) {
  status.textContent = text;
  status.dataset.state = state;
}

/** Small screens: the conversation gets the height, suggested actions one scrolling row instead of a flow. */
const narrow = window.matchMedia('(max-width: 40rem)').matches;

const styleOptions = {
  accent: '#0b4f7c',
  primaryFont: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
  bubbleBorderRadius: 8,
  bubbleFromUserBackground: '#e5f0f8',
  bubbleFromUserBorderRadius: 8,
  suggestedActionLayout: narrow ? 'carousel' : 'flow',
  suggestedActionBorderRadius: 6,
  hideUploadButton: false,
  uploadAccept: 'application/pdf,image/jpeg,image/png',
  uploadMultiple: true,
  sendBoxHeight: 48,
};

/** Web Chat's actions for a message the visitor sends (botframework-webchat-core). */
const PENDING = 'DIRECT_LINE/POST_ACTIVITY_PENDING';
const FULFILLED = 'DIRECT_LINE/POST_ACTIVITY_FULFILLED';
const REJECTED = 'DIRECT_LINE/POST_ACTIVITY_REJECTED';
/** Sent by the bot once the visitor's data is erased (bot/erasedEvent.ts): the page starts afresh. */
const ERASED_EVENT = 'alize/erased';
/** How often the page checks that its conversation still exists (a server restart forgets it). */
const CHECK_MS = 4000;

/** The live connection: Web Chat's store, the conversation, and the messages the server never got. */
let session = null;
const unsent = [];
let reconnecting = false;

const resendBar = document.createElement('div');
resendBar.className = 'resend';
resendBar.hidden = true;
chat.before(resendBar);

/** Offers each message that could not be sent, as a button that sends it again in the new conversation. */
function showUnsent() {
  resendBar.replaceChildren();
  resendBar.hidden = unsent.length === 0;
  if (unsent.length === 0) return;
  const intro = document.createElement('p');
  intro.textContent = config.strings.unsent;
  resendBar.append(intro);
  for (const text of [...unsent]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--quiet';
    button.textContent = config.strings.resend.replace('{{text}}', text);
    button.addEventListener('click', () => {
      unsent.splice(unsent.indexOf(text), 1);
      showUnsent();
      session?.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text } });
    });
    resendBar.append(button);
  }
}

/** Keeps the text of what the visitor sends until the server has it; a refused one is offered again. */
function trackOutgoing(pending) {
  return () => (next) => (action) => {
    const id = action.meta?.clientActivityID;
    if (action.type === PENDING && action.payload?.activity?.type === 'message') {
      pending.set(id, action.payload.activity.text ?? '');
    } else if (action.type === FULFILLED) {
      pending.delete(id);
    } else if (action.type === REJECTED) {
      const text = pending.get(id);
      pending.delete(id);
      if (text && !unsent.includes(text)) unsent.push(text);
      // A refused message is the first sign of a lost connection: look now rather than at the next check.
      void check();
    }
    return next(action);
  };
}

/**
 * Whether the page's conversation still exists on the server. A restart of the local Direct Line forgets it
 * (404/403); an unreachable server throws. Azure's Direct Line tells through its connection status instead.
 */
async function conversationLost() {
  if (!session || session.mode === 'azure') return false;
  const response = await fetch(
    `${session.domain}/conversations/${encodeURIComponent(session.conversationId)}`,
    {
      headers: { authorization: `Bearer ${session.token}` },
      cache: 'no-store',
    },
  );
  return response.status === 404 || response.status === 403 || response.status === 401;
}

/** Looks for a lost connection; when lost, says so and reconnects as the same visitor until it works. */
async function check() {
  if (!session || reconnecting) return;
  let lost;
  try {
    lost = await conversationLost();
  } catch {
    lost = true; // the server does not answer: restarting, or the network is down
  }
  if (lost) await reconnect();
}

async function reconnect() {
  reconnecting = true;
  // What the visitor sent that the server never acknowledged is offered again once reconnected.
  for (const text of session?.pending.values() ?? []) if (text && !unsent.includes(text)) unsent.push(text);
  session?.pending.clear();
  say(config.strings.reconnecting, 'reconnecting');
  showUnsent();
  for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
    if (await connect(false, { quiet: true })) break;
    say(config.strings.reconnecting, 'reconnecting');
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  reconnecting = false;
  say(config.strings.reconnected, 'connected');
  showUnsent();
}

/** Gets a token for the visitor and shows Web Chat on it; true when connected. */
async function connect(fresh, { quiet = false, notice } = {}) {
  newConversation.disabled = true;
  if (!quiet) say(config.strings.connecting, 'connecting');
  try {
    const response = await fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: visitorId(), fresh }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const token = await response.json();
    if (directLine) directLine.end();
    const domain = token.domain || `${location.origin}/v3/directline`;
    directLine = WebChat.createDirectLine({
      token: token.token,
      domain,
      // The local Direct Line answers by polling; Azure's also offers a WebSocket stream.
      webSocket: token.mode === 'azure',
    });
    const pending = new Map();
    const store = WebChat.createStore({}, trackOutgoing(pending));
    session = {
      store,
      pending,
      mode: token.mode,
      domain,
      token: token.token,
      conversationId: token.conversationId,
    };
    const current = directLine;
    // Each subscription has an error handler: an ended Direct Line ("Nouvelle conversation") errors its streams.
    current.activity$.subscribe({
      error: () => undefined,
      next: (activity) => {
        if (activity.type === 'event' && activity.name === ERASED_EVENT && current === directLine) {
          // The server forgot this conversation: leave it for a new one, and say why.
          unsent.splice(0);
          showUnsent();
          void connect(true, { notice: config.strings.erased });
        }
      },
    });
    // Azure's Direct Line: 3 expired token, 4 failed to connect.
    current.connectionStatus$.subscribe({
      error: () => undefined,
      next: (status) => {
        if ((status === 3 || status === 4) && current === directLine && !reconnecting) void reconnect();
      },
    });
    const host = document.createElement('div');
    host.className = 'chat__host';
    chat.replaceChildren(host);
    // No userID here: Web Chat takes the visitor's id from the token, where the server put it.
    WebChat.renderWebChat(
      { directLine, store, locale: config.locale, nonce: config.styleNonce, styleOptions },
      host,
    );
    if (!quiet) say(notice ?? config.strings.connected, 'connected');
    return true;
  } catch {
    if (!quiet) say(config.strings.unavailable, 'unavailable');
    return false;
  } finally {
    newConversation.disabled = false;
  }
}

/**
 * The FR / EN control: tells the bot (an `alize.setLanguage` event; it remembers the choice for this visitor and
 * asks its question again in that language), then reloads the page in that language, same conversation.
 */
function chooseLanguage(locale) {
  if (!directLine) return;
  const reload = () => location.assign(`/?lang=${encodeURIComponent(locale)}`);
  directLine
    .postActivity({
      type: 'event',
      name: 'alize.setLanguage',
      value: { locale },
      from: { id: visitorId(), role: 'user' },
      locale: locale === 'en' ? 'en-US' : 'fr-FR',
    })
    .subscribe({ next: reload, error: () => say(config.strings.unavailable, 'unavailable') });
}

for (const choice of document.querySelectorAll('.language__choice')) {
  choice.addEventListener('click', () => chooseLanguage(choice.dataset.locale));
}

newConversation.addEventListener('click', () => {
  unsent.splice(0);
  showUnsent();
  void connect(true);
});
void connect(false);
window.setInterval(() => void check(), CHECK_MS);
// Back from sleep or from a lost network: look at once.
window.addEventListener('online', () => void check());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void check();
});

// Advisors' sign-out (shown only when signed in): the server ends the session and the conversation opened
// under it; the page then starts over as an ordinary visitor.
const signOut = document.getElementById('advisor-signout');
if (signOut) {
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    try {
      await fetch('/auth/signout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    } finally {
      location.assign('/');
    }
  });
}
