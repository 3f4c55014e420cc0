// Live chats in the staff console: residents who asked for a person (or whom the bot could not understand) during
// staffed hours. GET /api/handoffs lists them; an EventSource on /api/handoffs/events says "changed" whenever the line
// or one of its conversations changes (on any instance), and the list and the open chat are read again — no reload.
// An operator takes a chat, replies (POST .../reply: the words go out on the resident's own channel through the
// outbox; while they write, a typing indicator where the channel has one), and hands back to the bot (POST .../return), which asks the question it was at again. Text from the API is
// written with textContent only.
(function () {
  "use strict";

  var ui = window.staffConsole;
  var current = null;
  var events = null;
  var reading = false;
  var again = false;
  var typedAt = 0;

  function $(id) { return document.getElementById(id); }

  function channelName(id) {
    return { sms: "Text message", whatsapp: "WhatsApp", facebook: "Messenger", directline: "Web chat", webchat: "Web chat" }[id] || id;
  }

  function listen() {
    if (events || typeof window.EventSource !== "function") { return; }
    events = new EventSource(ui.settings.basePath + "/api/handoffs/events", { withCredentials: true });
    events.addEventListener("changed", function () { refresh(); });
  }

  // Changes can come faster than the reads: one read at a time, and one more if something changed meanwhile.
  async function refresh() {
    if (reading) { again = true; return; }
    reading = true;
    try {
      do {
        again = false;
        await loadLine();
        if (current !== null && !$("view-handoffs").hidden) { await loadChat(current, false); }
      } while (again);
    } catch (error) {
      ui.failed(error);
    } finally {
      reading = false;
    }
  }

  async function open() {
    ui.clearMessages();
    ui.show("view-handoffs");
    listen();
    await refresh();
  }

  async function loadLine() {
    var line = await ui.api("GET", "/api/handoffs");
    var body = $("handoffs-body");
    ui.clear(body);
    var waiting = line.filter(function (h) { return !h.takenBy; }).length;
    $("handoffs-count").textContent = waiting > 0 ? String(waiting) : "";
    $("handoffs-count").setAttribute("aria-label", waiting + " waiting");
    $("handoffs-empty").hidden = line.length > 0;
    $("handoffs-table").hidden = line.length === 0;
    line.forEach(function (h) {
      var row = document.createElement("tr");
      var cell = document.createElement("td");
      var button = ui.element("button", h.takenBy ? "Open chat " + h.id : "Open chat " + h.id + " (number " + h.position + " in line)", "button button--quiet");
      button.type = "button";
      button.addEventListener("click", function () { current = h.id; loadChat(h.id, true).catch(ui.failed); });
      cell.appendChild(button);
      row.appendChild(cell);
      [new Date(h.requestedAt).toLocaleTimeString(), channelName(h.channelId), h.language, h.reason === "struggling" ? "Bot could not understand" : "Asked for a person", h.takenBy || "Nobody yet"]
        .forEach(function (text) { row.appendChild(ui.element("td", text)); });
      body.appendChild(row);
    });
  }

  async function loadChat(id, focus) {
    var detail = await ui.api("GET", "/api/handoffs/" + id);
    $("handoff-chat").hidden = false;
    $("handoff-chat-title").textContent = "Chat " + id + " · " + channelName(detail.line.channelId);
    var stateText = detail.ended ? "Back with the bot: this chat is over."
      : detail.line.takenBy ? "Taken by " + detail.line.takenBy + "."
      : "Waiting for an operator (number " + detail.line.position + " in line).";
    $("handoff-chat-state").textContent = stateText;
    var list = $("handoff-conversation");
    ui.clear(list);
    detail.messages.forEach(function (m) {
      var item = ui.element("li", null, "conversation__message conversation__message--" + m.direction);
      var head = ui.element("p", null, "conversation__head");
      head.appendChild(ui.element("strong", m.direction === "resident" ? "Resident" : m.direction === "operator" ? m.author : "Bot"));
      head.appendChild(document.createTextNode(" · " + new Date(m.at).toLocaleTimeString() + (m.status === "failed" ? " · not delivered" : "")));
      item.appendChild(head);
      item.appendChild(ui.element("p", (m.text || "") + (m.photos > 0 ? " [" + m.photos + " photo(s)]" : ""), "conversation__text"));
      list.appendChild(item);
    });
    var wrap = list.parentNode;
    wrap.scrollTop = wrap.scrollHeight;
    ["handoff-send", "handoff-take", "handoff-return", "handoff-reply"].forEach(function (control) { $(control).disabled = detail.ended; });
    $("handoff-take").hidden = !!detail.line.takenBy && detail.line.takenBy === ui.state.session.account.displayName;
    if (focus) { $("handoff-chat-title").focus(); }
  }

  async function act(path, body, done) {
    if (current === null) { return; }
    try {
      await ui.api("POST", "/api/handoffs/" + current + path, body);
      if (done) { ui.showNotice(done); }
      await refresh();
    } catch (error) {
      ui.failed(error);
    }
  }

  // While the operator writes, the resident sees "typing…" where their channel shows it (at most every 5 seconds).
  $("handoff-reply").addEventListener("input", function () {
    var now = Date.now();
    if (current === null || now - typedAt < 5000) { return; }
    typedAt = now;
    ui.api("POST", "/api/handoffs/" + current + "/typing").catch(function () { /* only a courtesy */ });
  });

  $("nav-handoffs").addEventListener("click", function () { open(); });
  $("handoff-take").addEventListener("click", function () { act("/take", undefined, "You took the chat: the resident was told."); });
  $("handoff-return").addEventListener("click", function () { act("/return", undefined, "Handed back to the bot."); });
  $("handoff-file").addEventListener("click", function () { $("nav-intake").click(); });
  $("handoff-reply-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var text = $("handoff-reply").value.trim();
    if (!text) { $("handoff-reply").focus(); return; }
    await act("/reply", { text: text }, null);
    $("handoff-reply").value = "";
    $("handoff-reply").focus();
  });
})();
