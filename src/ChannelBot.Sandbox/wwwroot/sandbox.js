// The channel sandbox page (/sandbox, Development only): three phones next to the web chat.
//
// - Each phone posts what the resident does (text, a photo, a location, a tapped quick reply) to
//   POST /sandbox/phones/{sms|whatsapp|messenger}; the server turns it into the provider's signed webhook and posts
//   it to the app's real webhook.
// - What the bot sent back is read from the fake provider APIs inside the app (GET /sandbox/twilio/messages?to=,
//   GET /sandbox/meta/messages?psid=), polled; what the resident sent is kept in this tab (sessionStorage).
// - Messenger's quick replies under the newest message are buttons; tapping one sends its payload.
(() => {
  'use strict';

  const settings = JSON.parse(document.getElementById('channelbot-sandbox').textContent);
  const HEADERS = { 'X-ChannelBot-Sandbox': 'phone', Accept: 'application/json' };

  function read(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch { return null; }
  }

  function write(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* storage full or blocked: only this tab's history is lost */ }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function timeOf(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function Phone(section, config) {
    const name = section.dataset.phone;
    const address = section.querySelector('.phone__address');
    const screen = section.querySelector('.phone__screen');
    const quickReplies = section.querySelector('.phone__quick-replies');
    const compose = section.querySelector('.phone__compose');
    const text = section.querySelector('.phone__text');
    const send = section.querySelector('.phone__send');
    const photo = section.querySelector('.phone__photo');
    const attached = section.querySelector('.phone__attached');
    const sendLocation = section.querySelector('.phone__send-location');
    const status = section.querySelector('.phone__status');
    const off = section.querySelector('.phone__off');
    const identityKey = 'channelbot.sandbox.' + name + '.resident';
    let received = [];
    let busy = false;
    let lastRendered = '';

    address.value = read(identityKey) || config.resident;
    const sentKey = () => 'channelbot.sandbox.' + name + '.sent.' + address.value.trim();
    const sent = () => read(sentKey()) || [];

    function say(message, isError) {
      status.textContent = message || '';
      status.classList.toggle('phone__status--error', !!isError);
    }

    function render() {
      const items = sent().map(item => ({ ...item, from: 'resident' }))
        .concat(received.map(item => ({ ...item, from: 'bot' })))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const signature = JSON.stringify(items);
      if (signature === lastRendered) { return; }
      lastRendered = signature;
      screen.replaceChildren(...items.map(bubble));
      screen.scrollTop = screen.scrollHeight;
      const last = items[items.length - 1];
      quickReplies.replaceChildren(...(last && last.from === 'bot' ? last.quickReplies || [] : []).map(reply => {
        const button = element('button', 'phone__quick-reply', reply.title);
        button.type = 'button';
        button.addEventListener('click', () => post({ text: reply.title, payload: reply.payload }));
        return button;
      }));
    }

    function bubble(item) {
      const li = element('li', 'phone__bubble phone__bubble--' + item.from);
      li.setAttribute('aria-label', (item.from === 'bot' ? 'City: ' : 'You: ') + (item.text || item.note || ''));
      if (item.text) { li.append(element('span', 'phone__bubble-text', item.text)); }
      for (const url of item.images || []) {
        const image = element('img', 'phone__image');
        image.src = url;
        image.alt = 'Photo from the city';
        li.append(image);
      }
      if (item.note) { li.append(element('span', 'phone__bubble-note', item.note)); }
      li.append(element('time', 'phone__time', timeOf(item.at)));
      return li;
    }

    async function poll() {
      const who = address.value.trim();
      if (!who || document.hidden) { return; }
      try {
        const response = await fetch(config.receivedUrl + encodeURIComponent(config.addressPrefix + who), { headers: { Accept: 'application/json' } });
        if (!response.ok) { return; }
        const body = await response.json();
        if (address.value.trim() !== who) { return; }
        received = body.messages.map(message => ({
          at: message.createdAt,
          text: message.body !== undefined ? message.body : message.text,
          images: message.mediaUrls || (message.imageUrl ? [message.imageUrl] : []),
          quickReplies: message.quickReplies || [],
        }));
        render();
      } catch { /* the next poll tries again */ }
    }

    async function post(fields) {
      if (busy) { return; }
      const form = new FormData();
      form.append('address', address.value.trim());
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null && value !== '') { form.append(key, value); }
      }
      busy = true;
      send.disabled = true;
      say('Sending…');
      try {
        const response = await fetch(config.sendUrl, { method: 'POST', headers: HEADERS, body: form });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          say(body.detail || ('The sandbox answered ' + response.status + '.'), true);
          return false;
        }
        const notes = [];
        if (fields.photo) { notes.push('[photo: ' + fields.photo.name + ']'); }
        if (fields.latitude) { notes.push('[location: ' + fields.latitude + ', ' + fields.longitude + ']'); }
        const record = { at: body.sentAt, text: fields.text || '', note: notes.join(' ') };
        write(sentKey(), sent().concat([record]).slice(-200));
        say('');
        render();
        poll();
        return true;
      } catch {
        say('The sandbox could not be reached. Is the app still running?', true);
        return false;
      } finally {
        busy = false;
        send.disabled = false;
      }
    }

    if (!config.on) {
      off.hidden = false;
      off.textContent = config.offReason;
      for (const control of section.querySelectorAll('input, button')) { control.disabled = true; }
      return { poll() {} };
    }

    compose.addEventListener('submit', async event => {
      event.preventDefault();
      const file = photo.files && photo.files[0];
      if (!text.value.trim() && !file) { say('Type a message or attach a photo first.', true); return; }
      if (await post({ text: text.value, photo: file })) {
        text.value = '';
        photo.value = '';
        attached.textContent = '';
      }
      text.focus();
    });
    photo.addEventListener('change', () => {
      const file = photo.files && photo.files[0];
      attached.textContent = file ? file.name + ' attached: press Send' : '';
    });
    if (sendLocation) {
      sendLocation.addEventListener('click', () => post({
        latitude: section.querySelector('.phone__latitude').value.trim(),
        longitude: section.querySelector('.phone__longitude').value.trim(),
        label: section.querySelector('.phone__label').value.trim(),
        place: section.querySelector('.phone__place') ? section.querySelector('.phone__place').value.trim() : '',
      }));
    }
    address.addEventListener('change', () => {
      write(identityKey, address.value.trim());
      received = [];
      lastRendered = '';
      render();
      poll();
    });

    render();
    return { poll };
  }

  const phones = [];
  for (const section of document.querySelectorAll('.phone')) {
    const config = settings.phones[section.dataset.phone];
    if (config) { phones.push(Phone(section, config)); }
  }
  const pollAll = () => phones.forEach(phone => phone.poll());
  pollAll();
  setInterval(pollAll, settings.pollMilliseconds);
})();
