// The landing page's web chat: the official Web Chat widget (window.WebChat, from /lib/webchat/webchat.js) on this
// app's own Direct Line 3.0 server. Everything it loads or calls is on this origin.
//
// - The page's settings (city name, colours, languages, session URL) are in <script id="channelbot-site">.
// - A token comes from POST /api/chat/session (the Direct Line secret never reaches a browser).
// - A reload resumes the same conversation: the token, conversation id, watermark and the messages seen so far
//   are kept in sessionStorage (this tab only). The kept messages are shown again at once, and Direct Line resumes
//   after the watermark (GET /conversations/{id}?watermark=), so nothing is shown twice. Direct Line refreshes
//   the token every 15 minutes and the page keeps the newest; a token that expired while the tab slept cannot be
//   refreshed, so a new conversation starts (and the page says so).
// - English and Spanish: the picker (or ?lang=es, or the browser's language) sets Web Chat's `locale`, which
//   localizes the widget and tells the bot which language to answer in.
(() => {
  'use strict';

  const settings = JSON.parse(document.getElementById('channelbot-site').textContent);
  const CONVERSATION_KEY = 'channelbot.webchat.conversation';
  const LANGUAGE_KEY = 'channelbot.webchat.language';
  const RESTARTED_KEY = 'channelbot.webchat.restarted';
  const LOCALES = { en: 'en-US', es: 'es-US' };
  const TEXT = {
    en: {
      subtitle: 'Report a problem to the city: a pothole, a streetlight out, missed trash pickup… Photos welcome.',
      language: 'Language',
      connecting: 'Connecting…',
      failed: 'The chat could not connect. Reload the page to try again, or call 311.',
      restarted: 'Your earlier chat had expired, so a new one has started.',
      logo: '{city} logo',
      username: 'Resident',
    },
    es: {
      subtitle: 'Reporte un problema a la ciudad: un bache, una farola apagada, basura que no se recogió… Puede enviar fotos.',
      language: 'Idioma',
      connecting: 'Conectando…',
      failed: 'No se pudo conectar el chat. Vuelva a cargar la página para intentarlo de nuevo, o llame al 311.',
      restarted: 'Su chat anterior había vencido, así que empezó uno nuevo.',
      logo: 'Logo de {city}',
      username: 'Residente',
    },
  };
  // Direct Line connection status (botframework-directlinejs ConnectionStatus).
  const ONLINE = 2, EXPIRED_TOKEN = 3, FAILED_TO_CONNECT = 4, ENDED = 5;
  const MAX_KEPT_ACTIVITIES = 500;

  const element = document.getElementById('webchat');
  const statusLine = document.getElementById('site-status');
  const picker = document.getElementById('site-language');
  let language = pickLanguage();

  document.documentElement.style.setProperty('--site-primary', settings.primaryColor);
  document.documentElement.style.setProperty('--site-on-primary', settings.textOnPrimaryColor);

  function pickLanguage() {
    const supported = settings.languages;
    const asked = new URLSearchParams(location.search).get('lang');
    const kept = read(LANGUAGE_KEY);
    for (const candidate of [asked, kept, ...(navigator.languages || [navigator.language])]) {
      const code = (candidate || '').slice(0, 2).toLowerCase();
      if (supported.includes(code)) {
        return code;
      }
    }
    return supported[0];
  }

  function read(key) {
    try { return sessionStorage.getItem(key); } catch { return null; }
  }

  function write(key, value) {
    try {
      if (value === null) { sessionStorage.removeItem(key); } else { sessionStorage.setItem(key, value); }
    } catch { /* storage full or blocked: the chat still works, a reload just starts over */ }
  }

  function say(text) {
    statusLine.textContent = text || '';
  }

  function showPageText() {
    const text = TEXT[language];
    const city = settings.cityNames[language];
    document.documentElement.lang = language;
    document.title = city + ' 311';
    document.getElementById('site-city').textContent = city;
    document.getElementById('site-subtitle').textContent = text.subtitle;
    document.getElementById('site-language-label').textContent = text.language;
    const logo = document.querySelector('.site__logo[data-alt-from-city]');
    if (logo) { logo.alt = text.logo.replace('{city}', city); }
    picker.value = language;
  }

  // The token's own expiry (a JWT's exp claim), in ms since the epoch; 0 when it cannot be read.
  function expiryOf(token) {
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
    } catch {
      return 0;
    }
  }

  async function newConversation() {
    const response = await fetch(settings.sessionUrl, { method: 'POST', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('POST ' + settings.sessionUrl + ' answered ' + response.status);
    }
    const session = await response.json();
    return {
      token: session.token,
      expiresAt: expiryOf(session.token) || Date.now() + session.expires_in * 1000,
      conversationId: session.conversationId,
      userId: session.userId,
      domain: session.domain,
      started: false,
      watermark: '',
      activities: [],
    };
  }

  // A kept conversation whose token is still good (refreshed when it is close to expiry), else null.
  async function keptConversation() {
    let kept;
    try { kept = JSON.parse(read(CONVERSATION_KEY) || 'null'); } catch { kept = null; }
    if (!kept || !kept.token || !kept.conversationId || !kept.domain) {
      return null;
    }
    if (kept.expiresAt - Date.now() > 5 * 60 * 1000) {
      return kept;
    }
    if (kept.expiresAt - Date.now() > 10 * 1000) {
      try {
        const response = await fetch(kept.domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + kept.token } });
        if (response.ok) {
          const refreshed = await response.json();
          return { ...kept, token: refreshed.token, expiresAt: expiryOf(refreshed.token) || Date.now() + refreshed.expires_in * 1000 };
        }
      } catch { /* fall through: a new conversation */ }
    }
    write(RESTARTED_KEY, '1');
    return null;
  }

  // What is kept of an activity for the transcript after a reload: no client-made data: thumbnails (they can be
  // large; the server's contentUrl shows the photo).
  function keepable(activity) {
    const copy = JSON.parse(JSON.stringify(activity));
    for (const attachment of copy.attachments || []) {
      if (typeof attachment.thumbnailUrl === 'string' && attachment.thumbnailUrl.startsWith('data:')) {
        delete attachment.thumbnailUrl;
      }
    }
    return copy;
  }

  async function start() {
    showPageText();
    say(TEXT[language].connecting);
    if (!window.WebChat) {
      say(TEXT[language].failed);
      return;
    }

    let conversation = await keptConversation();
    const resuming = !!(conversation && conversation.started);
    if (!conversation) {
      conversation = await newConversation();
    }
    let abandoned = false;
    const save = () => { if (!abandoned) { write(CONVERSATION_KEY, JSON.stringify(conversation)); } };
    save();
    if (read(RESTARTED_KEY)) {
      write(RESTARTED_KEY, null);
      say(TEXT[language].restarted);
    }

    const options = { token: conversation.token, domain: conversation.domain, webSocket: true };
    if (conversation.started) {
      options.conversationId = conversation.conversationId;
      options.watermark = conversation.watermark;
    } else {
      options.conversationStartProperties = { locale: LOCALES[language] };
    }
    const directLine = window.WebChat.createDirectLine(options);

    // Each activity is shown once: the kept ones are put back before connecting, and Direct Line resumes after
    // the watermark; an activity that still comes again (same server id) is dropped here.
    const seen = new Set();
    const store = window.WebChat.createStore({}, () => next => action => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        const activity = action.payload && action.payload.activity;
        if (activity && activity.id) {
          if (seen.has(activity.id)) {
            return undefined;
          }
          seen.add(activity.id);
          if (!action.meta || !action.meta.restored) {
            if (activity.type === 'message') {
              conversation.activities.push(keepable(activity));
              conversation.activities = conversation.activities.slice(-MAX_KEPT_ACTIVITIES);
            }
            conversation.watermark = directLine.watermark || conversation.watermark;
            keepToken();
          }
        }
      }
      return next(action);
    });
    for (const activity of conversation.activities) {
      store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY', meta: { restored: true }, payload: { activity } });
    }
    const restored = conversation.activities.length;
    // Web Chat takes suggested actions from live activities only: give back those of the last kept message when
    // it is the bot's and nothing newer came with the resumed connection.
    function restoreSuggestedActions() {
      const last = conversation.activities[conversation.activities.length - 1];
      if (restored && conversation.activities.length === restored && last && last.from && last.from.role === 'bot'
          && last.suggestedActions && (last.suggestedActions.actions || []).length
          && (!(last.suggestedActions.to || []).length || last.suggestedActions.to.includes(conversation.userId))) {
        store.dispatch({ type: 'WEB_CHAT/SET_SUGGESTED_ACTIONS', payload: { suggestedActions: last.suggestedActions.actions } });
      }
    }

    function keepToken() {
      if (directLine.token && directLine.token !== conversation.token) {
        conversation.token = directLine.token;
        conversation.expiresAt = expiryOf(directLine.token) || conversation.expiresAt;
      }
      save();
    }

    let online = false;
    directLine.connectionStatus$.subscribe(status => {
      if (status === ONLINE) {
        if (!online && resuming) { restoreSuggestedActions(); }
        online = true;
        conversation.started = true;
        keepToken();
        if (statusLine.textContent === TEXT[language].connecting) { say(''); }
      } else if (status === EXPIRED_TOKEN || status === FAILED_TO_CONNECT || status === ENDED) {
        if (resuming && !online) {
          // The kept conversation is gone (server restarted, idle timeout) or its token is dead: start a new one.
          abandoned = true;
          write(CONVERSATION_KEY, null);
          write(RESTARTED_KEY, '1');
          location.reload();
        } else {
          say(TEXT[language].failed);
        }
      }
    });
    setInterval(keepToken, 60 * 1000);
    addEventListener('pagehide', keepToken);

    // Changing userID or username makes Web Chat reconnect (and end this Direct Line), so both stay as they start.
    const username = TEXT[language].username;
    const render = () => window.WebChat.renderWebChat({
      directLine,
      store,
      userID: conversation.userId,
      username,
      locale: LOCALES[language],
      styleOptions: {
        accent: settings.primaryColor,
        bubbleFromUserBackground: settings.primaryColor,
        bubbleFromUserTextColor: settings.textOnPrimaryColor,
        bubbleFromUserBorderColor: settings.primaryColor,
        botAvatarInitials: settings.botAvatarInitials || undefined,
        hideUploadButton: false,
        uploadAccept: 'image/*',
        uploadMultiple: true,
        suggestedActionLayout: 'flow',
        sendTimeout: 20000,
      },
    }, element);

    picker.addEventListener('change', () => {
      if (!TEXT[picker.value]) { return; }
      const wasConnecting = statusLine.textContent === TEXT[language].connecting;
      language = picker.value;
      write(LANGUAGE_KEY, language);
      showPageText();
      if (wasConnecting) { say(TEXT[language].connecting); }
      render();
    });

    render();
    const input = element.querySelector('input[type="text"], textarea');
    if (input && !settings.embedded) { input.focus(); }
  }

  if (settings.embedded) {
    document.body.classList.add('site--embedded');
  }
  start().catch(error => {
    console.error('web chat', error);
    say(TEXT[language].failed);
  });
})();
