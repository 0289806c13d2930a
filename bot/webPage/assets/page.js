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

async function connect(fresh) {
  newConversation.disabled = true;
  say(config.strings.connecting, 'connecting');
  try {
    const response = await fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: visitorId(), fresh }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const token = await response.json();
    if (directLine) directLine.end();
    directLine = WebChat.createDirectLine({
      token: token.token,
      domain: token.domain || `${location.origin}/v3/directline`,
      // The local Direct Line answers by polling; Azure's also offers a WebSocket stream.
      webSocket: token.mode === 'azure',
    });
    const host = document.createElement('div');
    host.className = 'chat__host';
    chat.replaceChildren(host);
    // No userID here: Web Chat takes the visitor's id from the token, where the server put it.
    WebChat.renderWebChat(
      { directLine, locale: config.locale, nonce: config.styleNonce, styleOptions },
      host,
    );
    say(config.strings.connected, 'connected');
  } catch {
    say(config.strings.unavailable, 'unavailable');
  } finally {
    newConversation.disabled = false;
  }
}

newConversation.addEventListener('click', () => connect(true));
connect(false);

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
